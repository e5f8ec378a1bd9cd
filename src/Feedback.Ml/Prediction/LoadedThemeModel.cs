using Microsoft.Extensions.ObjectPool;

namespace Feedback.Ml;

/// <summary>One loaded model and its pool of scoring sessions; retired (disposed) once a newer model replaces it.</summary>
internal sealed class LoadedThemeModel : IDisposable
{
    private readonly ObjectPool<ScoringSession> _pool;

    public LoadedThemeModel(TrainedThemeModel model)
    {
        Model = model;
        // A session holds a dense buffer the size of the vocabulary: one dropped by a full pool is a large-object
        // allocation for the next caller. Retain enough for a busy web server's concurrent requests.
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Math.Max(64, Environment.ProcessorCount * 8) };
        _pool = provider.Create(new ScoringSessionPolicy(model.Scorer));
        // Build and run one session now, so the first request after a load or swap is not the slow one.
        TryPredict(string.Empty, out _);
    }

    public TrainedThemeModel Model { get; }

    /// <summary>False only when the model was retired between reading it and taking a session: retry with the current one.</summary>
    public bool TryPredict(string text, out ThemePrediction prediction)
    {
        ScoringSession session;
        try
        {
            session = _pool.Get();
        }
        catch (ObjectDisposedException)
        {
            prediction = null!;
            return false;
        }
        try
        {
            prediction = TopScores.ToPrediction(session.Score(text), Model.Labels, Model.Info.Version);
            return true;
        }
        finally
        {
            _pool.Return(session);
        }
    }

    public void Dispose() => (_pool as IDisposable)?.Dispose();
}
