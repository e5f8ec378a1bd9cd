using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Feedback.Ml;

/// <summary>
/// Trains pipelines on our character n-grams: features are computed here, ML.NET's trainers fit the linear
/// model, and the weights are copied into a <see cref="NativeScorer"/> for fast prediction.
/// </summary>
internal static class NativeTraining
{
    /// <summary>
    /// The value of a lexicon category (see <see cref="CharNgramFeaturizer.LexiconScale"/>). Cross-validation on
    /// models/polarity.train.csv scored 0.25-1.0 alike (macro-F1 0.868-0.871); 0.4 was the best on dev.
    /// </summary>
    public const float LexiconScale = 0.4f;

    public static NativeScorer Train(MLContext ml, IReadOnlyList<TextRow> rows, ThemePipeline pipeline)
    {
        // "char3" is 1-3-grams; "char3n" adds negation scopes, "char3nl" lexicon categories as well.
        var options = pipeline.Featurizer["char".Length..];
        var maxLength = options[0] - '0';
        var negation = options.Contains('n');
        var lexiconScale = options.Contains('l') ? LexiconScale : 0;
        var texts = rows.Select(r => TextNormalizer.Normalize(r.Text)).ToArray();
        var featurizer = CharNgramFeaturizer.Fit(texts, maxLength, negation, lexiconScale);
        var vectors = Vectors(featurizer, texts);
        return TrainMaximumEntropy(ml, featurizer, vectors, rows, pipeline.Trainer);
    }

    private static NativeScorer TrainMaximumEntropy(
        MLContext ml, CharNgramFeaturizer featurizer, VBuffer<float>[] vectors, IReadOnlyList<TextRow> rows, string trainer)
    {
        var data = FeatureRow<string>.Load(
            ml, rows.Select((r, i) => new FeatureRow<string> { Features = vectors[i], Label = r.Label }), featurizer.FeatureCount);
        var keyed = ml.Transforms.Conversion
            .MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data);
        VBuffer<ReadOnlyMemory<char>> keys = default;
        keyed.Schema["Label"].GetKeyValues(ref keys);
        var model = TrainerFactory.Build(ml, trainer).Fit(ml.Data.Cache(keyed));
        return new NativeScorer(featurizer, LinearModel.FromMlNet(model, featurizer.FeatureCount),
            [.. keys.DenseValues().Select(k => k.ToString())]);
    }

    private static VBuffer<float>[] Vectors(CharNgramFeaturizer featurizer, string[] texts)
    {
        var workspace = new FeatureWorkspace(featurizer.FeatureCount);
        return texts.Select(text =>
        {
            featurizer.Featurize(text, workspace);
            var indices = workspace.Active.ToArray();
            Array.Sort(indices);
            return new VBuffer<float>(featurizer.FeatureCount, indices.Length, [.. indices.Select(i => workspace[i])], indices);
        }).ToArray();
    }
}
