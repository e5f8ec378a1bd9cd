namespace Feedback.Ml;

/// <summary>A trained model's prediction side. Immutable and thread-safe; the sessions it creates are not.</summary>
internal abstract class ThemeScorer
{
    /// <summary>The label of each score slot.</summary>
    public abstract IReadOnlyList<string> Labels { get; }

    public abstract ScoringSession CreateSession();

    public virtual IReadOnlyList<string> PredictLabels(IEnumerable<string> texts) => [.. Predict(texts).Select(p => p.Label)];

    /// <summary>Each text's best label with its probability, on one session.</summary>
    public IReadOnlyList<ScoredLabel> Predict(IEnumerable<string> texts)
    {
        using var session = CreateSession();
        var predictions = new List<ScoredLabel>();
        foreach (var text in texts)
        {
            var scores = session.Score(text);
            var best = ArgMax(scores);
            predictions.Add(new ScoredLabel(Labels[best], scores[best]));
        }
        return predictions;
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
            if (scores[i] > scores[best])
                best = i;
        return best;
    }
}
