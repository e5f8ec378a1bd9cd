using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Feedback.Ml;

/// <summary>
/// One binary linear model per label (label versus the rest), each Platt-calibrated on its training scores;
/// done here rather than with ML.NET's OneVersusAll, whose per-class weights are not public.
/// </summary>
internal static class OneVersusAllTraining
{
    public static NativeScorer Train(
        MLContext ml, CharNgramFeaturizer featurizer, VBuffer<float>[] vectors, IReadOnlyList<TextRow> rows, string trainer)
    {
        var labels = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var classCount = labels.Length;
        var weights = new float[featurizer.FeatureCount * classCount];
        var bias = new float[classCount];
        var slope = new float[classCount];
        var offset = new float[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var positive = rows.Select(r => r.Label == labels[c]).ToArray();
            var data = FeatureRow<bool>.Load(
                ml, vectors.Select((v, i) => new FeatureRow<bool> { Features = v, Label = positive[i] }), featurizer.FeatureCount);
            var model = Binary(ml, trainer).Fit(ml.Data.Cache(data)).Model;
            var classWeights = model.Weights;
            for (var f = 0; f < classWeights.Count; f++)
                weights[f * classCount + c] = classWeights[f];
            bias[c] = model.Bias;
            var margins = vectors.Select(v => Margin(v, classWeights, model.Bias)).ToArray();
            (slope[c], offset[c]) = PlattScaling.Fit(margins, positive);
        }
        return new NativeScorer(featurizer, new LinearModel(classCount, weights, bias, slope, offset), labels);
    }

    private static ITrainerEstimator<BinaryPredictionTransformer<LinearBinaryModelParameters>, LinearBinaryModelParameters> Binary(
        MLContext ml, string trainer) => trainer switch
    {
        // One pass of Pegasos (LinearSvm's default) underfits.
        "ova-svm" => ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 20),
        "ova-ap" => ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 10),
        _ => throw new ThemeDataException($"unknown trainer '{trainer}'"),
    };

    private static float Margin(VBuffer<float> features, IReadOnlyList<float> weights, float bias)
    {
        var sum = bias;
        foreach (var (f, value) in features.Items())
            sum += weights[f] * value;
        return sum;
    }
}
