namespace Feedback.Ml;

/// <summary>A trained pipeline of any kind (themes, polarity, or any other label set). Its batch prediction is single-threaded; for concurrent use load it into a <see cref="ThemeClassifier"/>.</summary>
public sealed class TrainedThemeModel
{
    internal TrainedThemeModel(ThemeScorer scorer, ThemeModelInfo info)
    {
        Scorer = scorer;
        Info = info with { Labels = [.. scorer.Labels] };
    }

    public ThemeModelInfo Info { get; }

    /// <summary>The label of each score slot, in score order.</summary>
    public IReadOnlyList<string> Labels => Info.Labels;

    internal ThemeScorer Scorer { get; }

    public IReadOnlyList<string> PredictLabels(IEnumerable<string> texts) => Scorer.PredictLabels(texts);

    /// <summary>Each text's best label with its probability.</summary>
    public IReadOnlyList<ScoredLabel> Predict(IEnumerable<string> texts) => Scorer.Predict(texts);
}
