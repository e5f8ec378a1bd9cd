using Feedback.Ml;
using Feedback.Web.Classification;

namespace Feedback.Tests.Ml;

/// <summary>
/// The targets, measured with the shipped model and the service's signal rule and default threshold on the
/// test set kept apart from training and dev (models/polarity.test.csv): each comment posted as a 好评 and as a 差评.
/// </summary>
public sealed class PolarityTargetsTests
{
    private static readonly TrainedThemeModel Shipped = ThemeModel.Load(RepositoryFiles.Path(ModelKind.Polarity.ModelPath));
    private static readonly IReadOnlyList<(string Text, string Label)> TestSet =
        LabelledCsv.Read(RepositoryFiles.Path("models/polarity.test.csv"), labelColumn: ModelKind.Polarity.LabelColumn);

    [Fact]
    public void GoodRatings_FlagAtMost3PercentOfPraiseAndNeutral_AndCatchAtLeast80PercentOfComplaints()
    {
        var flagged = Signals(rating: 5);

        var falseFlags = Share(flagged, label => label != PolarityLabels.Complaint, ThemeSignals.SuspectedBad);
        var caught = Share(flagged, label => label == PolarityLabels.Complaint, ThemeSignals.SuspectedBad);

        Assert.True(falseFlags <= 0.03, $"praise and neutral flagged suspected_bad: {falseFlags:P1}");
        Assert.True(caught >= 0.80, $"complaints flagged suspected_bad: {caught:P1}");
    }

    [Fact]
    public void BadRatings_CatchAtLeast80PercentOfPraise_AndFlagAtMost3PercentOfComplaints()
    {
        var flagged = Signals(rating: 1);

        var caught = Share(flagged, label => label == PolarityLabels.Praise, ThemeSignals.AppealCandidate);
        var falseFlags = Share(flagged, label => label == PolarityLabels.Complaint, ThemeSignals.AppealCandidate);

        Assert.True(caught >= 0.80, $"praise flagged appeal_candidate: {caught:P1}");
        Assert.True(falseFlags <= 0.03, $"complaints flagged appeal_candidate: {falseFlags:P1}");
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
