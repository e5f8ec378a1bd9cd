using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Feedback.Ml;

/// <summary>
/// A multiclass linear model copied out of ML.NET: class scores are W·x + b, turned into probabilities by a
/// softmax (maximum entropy). Weights are stored feature-major, so each active feature reads one contiguous run of class weights.
/// </summary>
internal sealed class LinearModel(int classCount, float[] weights, float[] bias)
{
    public int ClassCount { get; } = classCount;

    public float[] Weights { get; } = weights;

    public float[] Bias { get; } = bias;

    public void Score(FeatureWorkspace features, Span<float> scores)
    {
        Bias.CopyTo(scores);
        foreach (var f in features.Active)
        {
            var value = features[f];
            var row = Weights.AsSpan(f * ClassCount, ClassCount);
            for (var c = 0; c < row.Length; c++)
                scores[c] += row[c] * value;
        }
        Softmax(scores);
    }

    /// <summary>Copies a maximum-entropy model (SDCA or L-BFGS) out of a fitted ML.NET prediction transformer.</summary>
    public static LinearModel FromMlNet(ITransformer transformer, int featureCount)
    {
        var predictor = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model;
        if (predictor is not MaximumEntropyModelParameters maxEnt)
            throw new NotSupportedException($"cannot copy a {predictor?.GetType().Name ?? transformer.GetType().Name}");
        VBuffer<float>[] classWeights = [];
        maxEnt.GetWeights(ref classWeights, out var classCount);
        var weights = new float[featureCount * classCount];
        for (var c = 0; c < classCount; c++)
            foreach (var (f, w) in classWeights[c].Items())
                weights[f * classCount + c] = w;
        return new LinearModel(classCount, weights, [.. maxEnt.GetBiases()]);
    }

    private static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
            max = Math.Max(max, s);
        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
            sum += scores[c] = MathF.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++)
            scores[c] /= sum;
    }
}
