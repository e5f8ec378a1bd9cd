using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Feedback.Ml;

/// <summary>The multiclass trainers compared for themes; all are linear, so prediction stays a sparse dot product.</summary>
internal static class TrainerFactory
{
    public static IEstimator<ITransformer> Build(MLContext ml, string trainer)
    {
        var multi = ml.MulticlassClassification.Trainers;
        var binary = ml.BinaryClassification.Trainers;
        const string label = "Label";
        const string features = PipelineFactory.FeaturesColumn;
        return trainer switch
        {
            "sdca" => multi.SdcaMaximumEntropy(label, features),
            "lbfgs" => multi.LbfgsMaximumEntropy(label, features),
            // One pass of Pegasos (LinearSvm's default) underfits; OVA calibrates each class so scores read as probabilities.
            "ova-svm" => multi.OneVersusAll(binary.LinearSvm(new LinearSvmTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfIterations = 20,
            }), label),
            "ova-ap" => multi.OneVersusAll(binary.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfIterations = 10,
            }), label),
            _ => throw new ThemeDataException($"unknown trainer '{trainer}'"),
        };
    }
}
