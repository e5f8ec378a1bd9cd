namespace Feedback.Ml;

/// <summary>
/// How the service's signals would fare on labelled comments, at one confidence threshold. A comment on a good rating
/// (3-5) is flagged 疑似差评 when the model says complaint with at least the threshold; one on a bad rating (1-2) is an
/// appeal candidate when it says praise with at least the threshold. Rates are shares of the comments of the named
/// true class(es); the project's targets are <see cref="GoodFalseFlags"/> ≤ 3 %, <see cref="GoodCaught"/> ≥ 80 %,
/// <see cref="BadAppealsCaught"/> ≥ 80 % and <see cref="BadFalseAppeals"/> ≤ 3 %.
/// </summary>
public sealed record PolaritySignalRates(
    double Threshold,
    int Praise,
    int Complaint,
    int Neutral,
    double GoodFalseFlags,
    double GoodCaught,
    double BadAppealsCaught,
    double BadFalseAppeals,
    double BadNeutralAppeals)
{
    /// <summary>
    /// The service's default threshold (Classification:SignalThreshold), chosen on the dev file
    /// (models/polarity.dev.csv) before the test file was scored: the one threshold of the sweep at which all four
    /// targets held on dev. The training file's cross-validation (signalsByThreshold in models/polarity.metrics.json),
    /// full of deliberately hard rows, meets the false-flag targets only from 0.85, at too few complaints caught.
    /// </summary>
    public const double DefaultThreshold = 0.75;

    /// <summary>Thresholds a cross-validation reports, to show the trade-off the default was chosen from.</summary>
    public static IReadOnlyList<double> Sweep { get; } = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

    public static PolaritySignalRates Measure(IReadOnlyList<string> actual, IReadOnlyList<ScoredLabel> predicted, double threshold)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException("actual and predicted differ in length", nameof(predicted));
        int Count(Func<string, bool> truth) => actual.Count(truth);
        double Rate(Func<string, bool> truth, string flaggedAs)
        {
            var total = Count(truth);
            var flagged = actual.Where((a, i) => truth(a) && IsConfident(predicted[i], flaggedAs, threshold)).Count();
            return total == 0 ? 0 : (double)flagged / total;
        }
        return new PolaritySignalRates(
            threshold,
            Count(a => a == PolarityLabels.Praise), Count(a => a == PolarityLabels.Complaint), Count(a => a == PolarityLabels.Neutral),
            GoodFalseFlags: Rate(a => a != PolarityLabels.Complaint, PolarityLabels.Complaint),
            GoodCaught: Rate(a => a == PolarityLabels.Complaint, PolarityLabels.Complaint),
            BadAppealsCaught: Rate(a => a == PolarityLabels.Praise, PolarityLabels.Praise),
            BadFalseAppeals: Rate(a => a == PolarityLabels.Complaint, PolarityLabels.Praise),
            BadNeutralAppeals: Rate(a => a == PolarityLabels.Neutral, PolarityLabels.Praise));
    }

    /// <summary>The model said <paramref name="label"/> with at least <paramref name="threshold"/>: what raises a signal.</summary>
    public static bool IsConfident(ScoredLabel prediction, string label, double threshold) =>
        prediction.Label == label && prediction.Confidence >= threshold;

    public bool MeetsTargets => GoodFalseFlags <= 0.03 && GoodCaught >= 0.80 && BadAppealsCaught >= 0.80 && BadFalseAppeals <= 0.03;
}
