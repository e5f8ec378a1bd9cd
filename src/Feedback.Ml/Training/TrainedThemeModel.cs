using Microsoft.ML;
using Microsoft.ML.Data;

namespace Feedback.Ml;

/// <summary>A trained pipeline. Batch prediction here is single-threaded; for concurrent use go through <see cref="ThemeClassifier"/>.</summary>
public sealed class TrainedThemeModel
{
    internal TrainedThemeModel(MLContext ml, ITransformer transformer, ThemeModelInfo info)
    {
        Context = ml;
        Transformer = transformer;
        Info = info with { Labels = ScoreLabels(ml, transformer) };
    }

    public ThemeModelInfo Info { get; }

    /// <summary>The label of each score slot, in score order.</summary>
    public IReadOnlyList<string> Labels => Info.Labels;

    internal MLContext Context { get; }

    internal ITransformer Transformer { get; }

    /// <summary>Predicts every text in one streamed pass (the fastest path: no per-row engine overhead).</summary>
    public IReadOnlyList<string> PredictLabels(IEnumerable<string> texts)
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

    private static string[] ScoreLabels(MLContext ml, ITransformer transformer)
    {
        var schema = transformer.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
