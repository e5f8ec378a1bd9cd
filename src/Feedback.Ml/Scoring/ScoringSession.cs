namespace Feedback.Ml;

/// <summary>One thread's scoring state (buffers or a PredictionEngine); pooled by <see cref="ThemeClassifier"/>.</summary>
internal abstract class ScoringSession : IDisposable
{
    /// <summary>One probability per label; valid until the session's next call.</summary>
    public abstract ReadOnlySpan<float> Score(string text);

    public virtual void Dispose()
    {
    }
}
