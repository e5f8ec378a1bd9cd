using Microsoft.Extensions.ObjectPool;

namespace Feedback.Ml;

/// <summary>One loaded model and its pool of engines; retired by disposing once a newer model replaces it.</summary>
internal sealed class LoadedThemeModel : IDisposable
{
    private readonly ObjectPool<EngineSlot> _pool;
    private readonly string[] _labels;

    public LoadedThemeModel(TrainedThemeModel model)
    {
        Model = model;
        _labels = [.. model.Labels];
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 };
        _pool = provider.Create(new EngineSlotPolicy(model));
        // Build and run one engine now, so the first request after a load or swap is not the slow one.
        TryPredict(string.Empty, out _);
    }

    public TrainedThemeModel Model { get; }

    /// <summary>False only when the model was retired between reading it and taking an engine: retry with the current one.</summary>
    public bool TryPredict(string text, out ThemePrediction prediction)
    {
        EngineSlot slot;
        try
        {
            slot = _pool.Get();
        }
        catch (ObjectDisposedException)
        {
            prediction = null!;
            return false;
        }
        try
        {
            prediction = TopScores.ToPrediction(slot.Score(text), _labels, Model.Info.Version);
            return true;
        }
        finally
        {
            _pool.Return(slot);
        }
    }

    public void Dispose() => (_pool as IDisposable)?.Dispose();
}
