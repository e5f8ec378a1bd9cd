using System.Globalization;
using System.Text;
using Feedback.Ml;

namespace Feedback.Tests.Ml;

/// <summary>Checks on the checked-in, hand-written training and dev files.</summary>
public sealed class TrainingDataTests
{
    private static readonly string[] Themes =
        ["attitude", "competence", "timeliness", "requirements", "runaround", "online", "queue", "environment", "discipline", "praise_mismatch", "other"];

    private static IReadOnlyList<(string Text, string Label)> Train => LabelledCsv.Read(RepositoryFiles.Path("models/themes.train.csv"));

    private static IReadOnlyList<(string Text, string Label)> Dev => LabelledCsv.Read(RepositoryFiles.Path("models/themes.dev.csv"));

    [Fact]
    public void TrainingFile_HasEveryThemeWithAtLeast150Examples()
    {
        var counts = Train.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Themes.Order(), counts.Keys.Order());
        Assert.All(Themes, theme => Assert.True(counts[theme] >= 150, $"{theme}: {counts[theme]}"));
    }

    [Fact]
    public void TrainingFile_HasNoExactDuplicates()
    {
        var duplicates = Train.GroupBy(r => r.Text).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void TrainingFile_HasNoNearDuplicates()
    {
        // Texts of only punctuation or emoji ("。。。", "👍👍") have no skeleton; the exact check covers them.
        var duplicates = Train.Where(r => Skeleton(r.Text).Length > 0).GroupBy(r => Skeleton(r.Text)).Where(g => g.Count() > 1)
            .Select(g => string.Join(" | ", g.Select(r => r.Text))).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void DevFile_HasEveryThemeAndSharesNoTextWithTheTrainingFile()
    {
        var train = Train.Select(r => Skeleton(r.Text)).ToHashSet();

        var shared = Dev.Where(r => Skeleton(r.Text).Length > 0 && train.Contains(Skeleton(r.Text))).Select(r => r.Text).ToList();

        Assert.Equal(Themes.Order(), Dev.Select(r => r.Label).Distinct().Order());
        Assert.Empty(shared);
    }

    [Fact]
    public void Skeleton_IgnoresPunctuationEmojiWidthAndSpacing() =>
        Assert.Equal(Skeleton("窗口 态度差！！😡 ABC"), Skeleton("窗口态度差。abc"));

    /// <summary>The text with only letters and digits kept, full-width folded, lower-cased: equal skeletons are near-duplicates.</summary>
    private static string Skeleton(string text)
    {
        var kept = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) && category != UnicodeCategory.OtherSymbol)
                kept.Append(char.ToLowerInvariant(c));
        }
        return kept.ToString();
    }
}
