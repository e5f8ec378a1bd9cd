using Feedback.Ml;

namespace Feedback.Tests.Ml;

public sealed class NegationScopeTests
{
    [Theory]
    [InlineData("一点都不慢", "____^")]
    [InlineData("不满意", "_^^")]
    [InlineData("没排队，很快", "_^^___")]
    [InlineData("不过有点慢", "_____")] // 不过 is "but", not a negation
    [InlineData("非常满意", "____")]
    [InlineData("真是\"高效\"", "___^^_")] // scare quotes invert as a negation does
    [InlineData("不用等但是太乱", "_^^____")] // a contrast word ends the scope
    [InlineData("没有让我多跑一趟", "_^^^^___")] // the scope reaches four characters
    [InlineData("有没有搞错", "_____")] // an A-not-A question does not negate
    public void Mark_FlagsTheCharactersANegationGoverns(string text, string expected)
    {
        var negated = new bool[text.Length];

        NegationScope.Mark(text, negated);

        Assert.Equal(expected, string.Concat(negated.Select(n => n ? '^' : '_')));
    }

    [Fact]
    public void Featurize_NegatedWord_IsAnotherFeatureThanThePlainWord()
    {
        var featurizer = CharNgramFeaturizer.Fit(["慢", "不慢"], maxLength: 3, negation: true);
        var workspace = new FeatureWorkspace(featurizer.FeatureCount);

        featurizer.Featurize("慢", workspace);
        var plain = workspace.Active.ToArray().ToHashSet();
        featurizer.Featurize("不慢", workspace);
        var negated = workspace.Active.ToArray().ToHashSet();

        Assert.DoesNotContain(featurizer.Keys.ToList().IndexOf('慢'), negated);
        Assert.Contains(featurizer.Keys.ToList().IndexOf('慢'), plain);
        Assert.Contains(featurizer.Keys.ToList().IndexOf('慢' | NegationScope.Flag), negated);
    }
}
