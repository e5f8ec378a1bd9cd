using Microsoft.ML;

namespace Feedback.Ml;

/// <summary>A pooled PredictionEngine (not thread-safe) with its reusable input and output rows.</summary>
internal sealed class EngineSlot(PredictionEngine<TextRow, ScoredRow> engine) : IDisposable
{
    private readonly TextRow _input = new();
    private ScoredRow _output = new();

    /// <summary>The scores stay valid until the slot's next prediction.</summary>
    public float[] Score(string text)
    {
        _input.Text = text;
        engine.Predict(_input, ref _output);
        return _output.Score;
    }

    public void Dispose() => engine.Dispose();
}
