using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Feedback.Ml;

/// <summary>
/// The multiclass trainers compared for themes; all linear, so prediction stays a sparse dot product.
/// "lbfgs" may carry its L2 weight ("lbfgs:0.01"); that is how the weight was chosen by cross-validation.
/// </summary>
internal static class TrainerFactory
{
    /// <summary>
    /// L-BFGS maximum entropy without L1 and with L2 = 0.001: ML.NET's defaults (L1 = L2 = 1) underfit
    /// L2-normalised n-gram vectors badly (macro-F1 0.63 against 0.86 in cross-validation).
    /// </summary>
    public const float DefaultLbfgsL2 = 0.001f;

    /// <summary>
    /// Caps L-BFGS, whose default runs until a 1e-7 tolerance: 100 iterations scored the same in cross-validation
    /// (50 too; 30 lost 0.01 macro-F1) and bound the training time on large sets.
    /// </summary>
    public const int LbfgsIterations = 100;

    public static IEstimator<ITransformer> Build(MLContext ml, string trainer)
    {
        var multi = ml.MulticlassClassification.Trainers;
        const string label = "Label";
        const string features = MlNetPipelineFactory.FeaturesColumn;
        if (LbfgsL2(trainer) is { } l2)
            return multi.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, L1Regularization = 0, L2Regularization = l2,
                MaximumNumberOfIterations = LbfgsIterations,
            });
        return trainer switch
        {
            "sdca" => multi.SdcaMaximumEntropy(label, features),
            _ => throw new ThemeDataException($"unknown trainer '{trainer}'"),
        };
    }

    public static bool IsKnown(string trainer) =>
        trainer is "sdca" || LbfgsL2(trainer) is not null;

    private static float? LbfgsL2(string trainer) =>
        trainer == "lbfgs" ? DefaultLbfgsL2
        : trainer.StartsWith("lbfgs:", StringComparison.Ordinal)
          && float.TryParse(trainer[6..], NumberStyles.Float, CultureInfo.InvariantCulture, out var l2) && l2 >= 0 ? l2
        : null;
}
