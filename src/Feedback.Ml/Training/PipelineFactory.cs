using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace Feedback.Ml;

/// <summary>Builds the ML.NET estimator for a <see cref="ThemePipeline"/>: Text and a key-typed Label in, PredictedLabel and Score out.</summary>
internal static class PipelineFactory
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
        "char2" => CharNgrams(ml, 2),
        "char3" => CharNgrams(ml, 3),
        "char4" => CharNgrams(ml, 4),
        "x-raw3" => ml.Transforms.Text.FeaturizeText(FeaturesColumn, new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = null,
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            }, nameof(TextRow.Text)),
        "x-ng3" => ml.Transforms.CustomMapping<NormalizeTextMapping.Input, NormalizeTextMapping.Output>(NormalizeTextMapping.Map, NormalizeTextMapping.ContractName)
            .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", "NormalizedText", useMarkerCharacters: false))
            .Append(ml.Transforms.Text.ProduceNgrams("Ngrams", "Chars", 3, 0, true, 10000000, NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.NormalizeLpNorm(FeaturesColumn, "Ngrams")),
        "x-ng3tf" => ml.Transforms.CustomMapping<NormalizeTextMapping.Input, NormalizeTextMapping.Output>(NormalizeTextMapping.Map, NormalizeTextMapping.ContractName)
            .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", "NormalizedText", useMarkerCharacters: false))
            .Append(ml.Transforms.Text.ProduceNgrams("Ngrams", "Chars", 3, 0, true, 10000000, NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.NormalizeLpNorm(FeaturesColumn, "Ngrams")),
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
