namespace Feedback.Ml;

/// <summary>
/// K-fold results: <see cref="Pooled"/> scores every row's out-of-fold prediction at once; the fold lists show
/// the spread between folds. <see cref="OutOfFold"/> holds each row's out-of-fold prediction with its probability,
/// in the order of <see cref="Actual"/>.
/// </summary>
public sealed record CrossValidationResult(
    string Pipeline,
    int Folds,
    ClassificationMetrics Pooled,
    IReadOnlyList<double> FoldAccuracy,
    IReadOnlyList<double> FoldMacroF1,
    double Seconds)
{
    public IReadOnlyList<string> Actual { get; init; } = [];

    public IReadOnlyList<ScoredLabel> OutOfFold { get; init; } = [];

    public double MacroF1StdDev
    {
        get
        {
            var mean = FoldMacroF1.Average();
            return Math.Sqrt(FoldMacroF1.Sum(f => (f - mean) * (f - mean)) / FoldMacroF1.Count);
        }
    }
}
