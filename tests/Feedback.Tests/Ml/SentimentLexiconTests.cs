using Feedback.Ml;

namespace Feedback.Tests.Ml;

/// <summary>The polarity model's lexicon features: contrast scopes, the word list and the categories a comment gets.</summary>
public sealed class SentimentLexiconTests
{
    [Theory]
    [InlineData("态度很好但系统太慢", 5)]
    [InlineData("人很好，但是效率太低", 6)]
    [InlineData("环境不错，可惜人太多", 7)]
    [InlineData("服务好，就是慢", 6)]
    [InlineData("可以在网上办", -1)] // 可 alone is not a contrast
    [InlineData("非常满意", -1)]
    public void ContrastStart_IsTheFirstCharacterAfterTheFirstContrastWord(string text, int expected) =>
        Assert.Equal(expected, ContrastScope.Start(text));

    [Fact]
    public void Parse_NegatedWordTurnsOver_UnlessTheWordIsItselfANegation()
    {
        var keys = SentimentLexicon.Parse("[praise]\n耐心 不错\n[complaint]\n太慢\n");

        Assert.Equal(SentimentLexicon.Praise, keys[Key("耐心")]);
        Assert.Equal(SentimentLexicon.NegatedPraise, keys[Key("耐心") | NegationScope.Flag]);
        Assert.Equal(SentimentLexicon.Praise, keys[Key("不错") | NegationScope.Flag]);
        Assert.Equal(SentimentLexicon.NegatedComplaint, keys[Key("太慢") | NegationScope.Flag]);
    }

    [Fact]
    public void Parse_WordOnBothSides_IsDropped()
    {
        var keys = SentimentLexicon.Parse("[praise]\n很快 一般\n[complaint]\n一般\n");

        Assert.True(keys.ContainsKey(Key("很快")));
        Assert.False(keys.ContainsKey(Key("一般")));
    }

    [Fact]
    public void Lexicon_HasBothSidesAndNoLukewarmWords()
    {
        var kinds = SentimentLexicon.Keys.Values.ToList();

        Assert.True(kinds.Count(k => k == SentimentLexicon.Praise) > 400);
        Assert.True(kinds.Count(k => k == SentimentLexicon.Complaint) > 500);
        Assert.DoesNotContain(Key("一般"), SentimentLexicon.Keys.Keys);
        Assert.DoesNotContain(Key("还行"), SentimentLexicon.Keys.Keys);
    }

    [Fact]
    public void Featurize_MixedComment_CountsPraiseBeforeAndComplaintAfterTheContrast()
    {
        var categories = Categories("态度很好但系统太慢");

        Assert.Contains(SentimentLexicon.Category(SentimentLexicon.Praise, position: 1), categories);
        Assert.Contains(SentimentLexicon.Category(SentimentLexicon.Complaint, position: 2), categories);
        Assert.Contains(SentimentLexicon.Mixed, categories);
    }

    [Fact]
    public void Featurize_NegatedPraise_IsNotPraise()
    {
        var categories = Categories("一点都不耐心");

        Assert.Contains(SentimentLexicon.Category(SentimentLexicon.NegatedPraise, position: 0), categories);
        Assert.DoesNotContain(SentimentLexicon.Category(SentimentLexicon.Praise, position: 0), categories);
    }

    [Fact]
    public void Featurize_LexiconWordUnseenInTraining_StillCountsItsCategory()
    {
        var featurizer = CharNgramFeaturizer.Fit(["材料很多"], maxLength: 3, negation: true, lexiconScale: 0.4f);
        var workspace = new FeatureWorkspace(featurizer.FeatureCount);

        featurizer.Featurize("服务周到", workspace);

        var active = workspace.Active.ToArray().Select(f => featurizer.Keys[f]).ToHashSet();
        Assert.Contains(SentimentLexicon.CategoryKey(SentimentLexicon.Category(SentimentLexicon.Praise, 0)), active);
        Assert.Equal(0, featurizer.Idf[Array.IndexOf(featurizer.Keys, Key("周到"))]);
    }

    private static HashSet<int> Categories(string text)
    {
        var featurizer = CharNgramFeaturizer.Fit([text], maxLength: 3, negation: true, lexiconScale: 0.4f);
        var workspace = new FeatureWorkspace(featurizer.FeatureCount);
        featurizer.Featurize(text, workspace);
        var active = workspace.Active.ToArray().Select(f => featurizer.Keys[f]).ToHashSet();
        return [.. Enumerable.Range(0, SentimentLexicon.CategoryCount).Where(c => active.Contains(SentimentLexicon.CategoryKey(c)))];
    }

    private static ulong Key(string word) => word.Aggregate(0UL, (key, c) => (key << 16) | c);
}
