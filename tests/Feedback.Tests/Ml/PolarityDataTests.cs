using System.Globalization;
using System.Text;
using Feedback.Ml;

namespace Feedback.Tests.Ml;

/// <summary>
/// Checks on the hand-written polarity files: enough rows of each class, no duplicates, and dev and test written
/// apart from training (no near duplicate, no row sharing most of its character pairs with a training row).
/// </summary>
public sealed class PolarityDataTests
{
    private const double MaxSimilarity = 0.6;

    private static IReadOnlyList<(string Text, string Label)> Read(string split) =>
        LabelledCsv.Read(RepositoryFiles.Path($"models/polarity.{split}.csv"), labelColumn: ModelKind.Polarity.LabelColumn);

    [Fact]
    public void TrainingFile_HasEveryClassWithAtLeast400Rows()
    {
        var counts = Read("train").GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(PolarityLabels.All.Order(), counts.Keys.Order());
        Assert.All(PolarityLabels.All, label => Assert.True(counts[label] >= 400, $"{label}: {counts[label]}"));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("dev")]
    [InlineData("test")]
    public void File_HasNoExactOrNearDuplicates(string split)
    {
        var duplicates = Read(split).GroupBy(r => Key(r.Text)).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g.Select(r => r.Text))).ToList();

        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public void HeldOutFile_HasEveryClassAndNoRowCloseToATrainingRow(string split)
    {
        var train = Read("train").Select(r => (r.Text, Pairs: Pairs(r.Text))).Where(r => r.Pairs.Count > 0).ToList();
        var keys = Read("train").Select(r => Key(r.Text)).ToHashSet();

        var close = Read(split)
            .Select(r => (r.Text, Pairs: Pairs(r.Text)))
            .Where(r => keys.Contains(Key(r.Text)) || (r.Pairs.Count >= 3 && train.Any(t => Jaccard(r.Pairs, t.Pairs) >= MaxSimilarity)))
            .Select(r => r.Text).ToList();

        Assert.Equal(PolarityLabels.All.Order(), Read(split).Select(r => r.Label).Distinct().Order());
        Assert.Empty(close);
    }

    [Fact]
    public void Files_DoNotHoldTheIssuesPraiseComments()
    {
        string[] issue = ["环境干净整洁，指引清楚", "网上预审后来现场十分钟办好", "预约后基本不用等", "材料一次性告知，很贴心"];
        var all = new[] { "train", "dev", "test" }.SelectMany(Read).Select(r => Key(r.Text)).ToHashSet();

        Assert.DoesNotContain(issue, text => all.Contains(Key(text)));
    }

    /// <summary>The text with only letters and digits kept, full-width folded, lower-cased; texts of only punctuation or emoji stay as they are.</summary>
    private static string Key(string text)
    {
        var kept = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(c) && char.GetUnicodeCategory(c) != UnicodeCategory.OtherSymbol)
                kept.Append(char.ToLowerInvariant(c));
        return kept.Length > 0 ? kept.ToString() : text;
    }

    private static HashSet<string> Pairs(string text)
    {
        var key = Key(text);
        return [.. Enumerable.Range(0, Math.Max(0, key.Length - 1)).Select(i => key.Substring(i, 2))];
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) => (double)a.Count(b.Contains) / (a.Count + b.Count - a.Count(b.Contains));
}
