using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace Feedback.Ml;

/// <summary>Builds an end-to-end ML.NET estimator (FeaturizeText featurizers only): Text and a key-typed Label in, PredictedLabel and Score out.</summary>
internal static class MlNetPipelineFactory
{
    public const string FeaturesColumn = "Features";

    public static IEstimator<ITransformer> Build(MLContext ml, ThemePipeline pipeline) =>
        Featurize(ml, pipeline.Featurizer)
            .AppendCacheCheckpoint(ml)
            .Append(TrainerFactory.Build(ml, pipeline.Trainer))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    private static IEstimator<ITransformer> Featurize(MLContext ml, string featurizer) => featurizer switch
    {
        // The baseline: whitespace words on raw text, which leaves unspaced Chinese as one token per clause.
        "words" => ml.Transforms.Text.FeaturizeText(FeaturesColumn, nameof(TextRow.Text)),
        "ml-char3" => CharNgrams(ml, 3),
        _ => throw new ThemeDataException($"unknown featurizer '{featurizer}'"),
    };

    // Character 1..n-grams with TF-IDF and L2 norm stand in for word segmentation, which ML.NET lacks for Chinese.
    private static IEstimator<ITransformer> CharNgrams(MLContext ml, int length) =>
        ml.Transforms.CustomMapping<NormalizeTextMapping.Input, NormalizeTextMapping.Output>(
                NormalizeTextMapping.Map, NormalizeTextMapping.ContractName)
            .Append(ml.Transforms.Text.FeaturizeText(FeaturesColumn, new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = null,
                CharFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = length,
                    UseAllLengths = true,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                CaseMode = TextNormalizingEstimator.CaseMode.None,
                KeepDiacritics = true,
                KeepPunctuations = true,
                KeepNumbers = true,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(NormalizeTextMapping.Output.NormalizedText)));
}
