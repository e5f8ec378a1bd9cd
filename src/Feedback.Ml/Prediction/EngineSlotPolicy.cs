using Microsoft.Extensions.ObjectPool;

namespace Feedback.Ml;

internal sealed class EngineSlotPolicy(TrainedThemeModel model) : IPooledObjectPolicy<EngineSlot>
{
    private readonly Lock _create = new();

    public EngineSlot Create()
    {
        // Engines share the model's MLContext; build them one at a time.
        lock (_create)
            return new EngineSlot(model.Context.Model.CreatePredictionEngine<TextRow, ScoredRow>(model.Transformer));
    }

    public bool Return(EngineSlot slot) => true;
}
