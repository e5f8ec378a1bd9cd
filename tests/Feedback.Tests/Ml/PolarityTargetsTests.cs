using System.Text.Json;
using Feedback.Ml;
using Feedback.Web.Classification;

namespace Feedback.Tests.Ml;

/// <summary>
/// The signal rates of the shipped model, with the service's rule and default threshold, on the test set kept apart from
/// training and dev (models/polarity.test.csv): each comment posted as a 好评 and as a 差评. The figures published in
/// models/polarity.metrics.json must be the true ones, and a new model may not be worse than the shipped one.
/// Issue 14's targets (≤ 3 % false flags both ways, ≥ 80 % caught both ways) are met only for praise and neutral on a
/// 好评; the other three are stated in each assertion and in the model card, and the issue stays open until they hold.
/// </summary>
public sealed class PolarityTargetsTests
{
    private static readonly TrainedThemeModel Shipped = ThemeModel.Load(RepositoryFiles.Path(ModelKind.Polarity.ModelPath));
    private static readonly IReadOnlyList<(string Text, string Label)> TestSet =
        LabelledCsv.Read(RepositoryFiles.Path("models/polarity.test.csv"), labelColumn: ModelKind.Polarity.LabelColumn);

    [Fact]
    public void GoodRatings_FlagAtMost3PercentOfPraiseAndNeutral_AndCatchNoFewerComplaintsThanTheShippedModel()
    {
        var flagged = Signals(rating: 5);

        var falseFlags = Share(flagged, label => label != PolarityLabels.Complaint, ThemeSignals.SuspectedBad);
        var caught = Share(flagged, label => label == PolarityLabels.Complaint, ThemeSignals.SuspectedBad);

        Assert.True(falseFlags <= 0.03, $"praise and neutral flagged suspected_bad: {falseFlags:P1} (target ≤ 3 %)");
        Assert.True(caught >= 0.75, $"complaints flagged suspected_bad: {caught:P1} (shipped 75.0 %, target ≥ 80 %)");
    }

    [Fact]
    public void BadRatings_CatchAndFalselyFlagNoWorseThanTheShippedModel()
    {
        var flagged = Signals(rating: 1);

        var caught = Share(flagged, label => label == PolarityLabels.Praise, ThemeSignals.AppealCandidate);
        var falseFlags = Share(flagged, label => label == PolarityLabels.Complaint, ThemeSignals.AppealCandidate);

        Assert.True(caught >= 0.79, $"praise flagged appeal_candidate: {caught:P1} (shipped 79.4 %, target ≥ 80 %)");
        Assert.True(falseFlags <= 0.058, $"complaints flagged appeal_candidate: {falseFlags:P1} (shipped 5.7 %, target ≤ 3 %)");
    }

    [Fact]
    public void PublishedTestFigures_AreTheOnesTheShippedModelGives()
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("models/polarity.metrics.json")));
        var published = metrics.RootElement.GetProperty("test").GetProperty("signals");
        var good = Signals(rating: 5);
        var bad = Signals(rating: 1);

        Assert.Equal(PolaritySignalRates.DefaultThreshold, published.GetProperty("threshold").GetDouble(), 3);
        Assert.Equal(published.GetProperty("goodRatingFalseFlags").GetDouble(), Share(good, l => l != PolarityLabels.Complaint, ThemeSignals.SuspectedBad), 3);
        Assert.Equal(published.GetProperty("goodRatingComplaintsCaught").GetDouble(), Share(good, l => l == PolarityLabels.Complaint, ThemeSignals.SuspectedBad), 3);
        Assert.Equal(published.GetProperty("badRatingPraiseCaught").GetDouble(), Share(bad, l => l == PolarityLabels.Praise, ThemeSignals.AppealCandidate), 3);
        Assert.Equal(published.GetProperty("badRatingComplaintsFalselyFlagged").GetDouble(), Share(bad, l => l == PolarityLabels.Complaint, ThemeSignals.AppealCandidate), 3);
    }

    private static List<(string Label, string? Signal)> Signals(int rating) =>
        [.. TestSet.Zip(Shipped.Predict(TestSet.Select(r => r.Text)), (row, p) =>
            (row.Label, ThemeTagger.Signal(rating, p.Label, p.Confidence, PolaritySignalRates.DefaultThreshold)))];

    private static double Share(List<(string Label, string? Signal)> rows, Func<string, bool> truth, string signal)
    {
        var of = rows.Where(r => truth(r.Label)).ToList();
        return (double)of.Count(r => r.Signal == signal) / of.Count;
    }
}
