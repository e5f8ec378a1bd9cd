using Microsoft.ML.Transforms;

namespace Feedback.Ml;

/// <summary>
/// The normalisation step inside the saved pipeline, so a model file carries it. The contract name is written
/// into model files: change the behaviour under a new name, never in place.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class NormalizeTextMapping : CustomMappingFactory<NormalizeTextMapping.Input, NormalizeTextMapping.Output>
{
    public const string ContractName = "feedback-normalize-text-v1";

    public static void Map(Input input, Output output) => output.NormalizedText = TextNormalizer.Normalize(input.Text);

    public override Action<Input, Output> GetMapping() => Map;

    internal sealed class Input
    {
        public string Text { get; set; } = string.Empty;
    }

    internal sealed class Output
    {
        public string NormalizedText { get; set; } = string.Empty;
    }
}
