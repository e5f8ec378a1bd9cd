using Microsoft.ML;
using Microsoft.ML.Data;

namespace Feedback.Ml;

/// <summary>An end-to-end ML.NET pipeline (Text in, Score out), such as the FeaturizeText baseline; sessions are PredictionEngines.</summary>
internal sealed class MlNetScorer : ThemeScorer
{
    private readonly Lock _createEngine = new();

    public MlNetScorer(MLContext ml, ITransformer transformer)
    {
        Context = ml;
        Transformer = transformer;
        var schema = transformer.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        Labels = names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    public MLContext Context { get; }

    public ITransformer Transformer { get; }

    public override IReadOnlyList<string> Labels { get; }

    public override ScoringSession CreateSession()
    {
        // Engines share the MLContext; build them one at a time.
        lock (_createEngine)
            return new Session(Context.Model.CreatePredictionEngine<TextRow, ScoredRow>(Transformer));
    }

    /// <summary>One streamed Transform pass: ML.NET's fastest path, without per-row engine overhead.</summary>
    public override IReadOnlyList<string> PredictLabels(IEnumerable<string> texts)
    {
        var scored = Transformer.Transform(Context.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t })));
        var column = scored.Schema["PredictedLabel"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        var labels = new List<string>();
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            labels.Add(value.ToString());
        }
        return labels;
    }

    private sealed class Session(PredictionEngine<TextRow, ScoredRow> engine) : ScoringSession
    {
        private readonly TextRow _input = new();
        private ScoredRow _output = new();

        public override ReadOnlySpan<float> Score(string text)
        {
            _input.Text = text;
            engine.Predict(_input, ref _output);
            return _output.Score;
        }

        public override void Dispose() => engine.Dispose();
    }
}
