namespace Feedback.Ml;

/// <summary>A trained model's prediction side. Immutable and thread-safe; the sessions it creates are not.</summary>
internal abstract class ThemeScorer
{
    /// <summary>The label of each score slot.</summary>
    public abstract IReadOnlyList<string> Labels { get; }

    public abstract ScoringSession CreateSession();

    public virtual IReadOnlyList<string> PredictLabels(IEnumerable<string> texts)
    {
        using var session = CreateSession();
        var labels = new List<string>();
        foreach (var text in texts)
            labels.Add(Labels[ArgMax(session.Score(text))]);
        return labels;
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
