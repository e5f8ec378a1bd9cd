using System.CommandLine;
using Feedback.Ml;

namespace Feedback.Web.Classification;

/// <summary>
/// The options train, evaluate and crossval share. <c>--model</c> names the model kind (themes | polarity), which
/// sets the defaults of the data file, label column, pipeline and model file; each can still be given explicitly.
/// Options are made per command: System.CommandLine symbols remember their parents, and roots are built per call.
/// </summary>
internal sealed class ModelOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Labelled CSV (or .tsv) with a header row (default: the kind's file under models/)" };

    public Option<string> TextColumn { get; } = new("--text-column") { Description = "Column holding the text", DefaultValueFactory = _ => LabelledCsv.DefaultTextColumn };

    public Option<string?> LabelColumn { get; } = new("--label-column") { Description = "Column holding the label (default: theme for themes, polarity for polarity)" };

    public Option<string?> Pipeline { get; } = new("--pipeline") { Description = $"FEATURIZER+TRAINER (default: {string.Join(", ", ModelKind.All.Select(k => $"{k.Pipeline} for {k.Name}"))})" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of tables" };

    public Option<double> SignalThreshold { get; } = new("--signal-threshold")
    {
        Description = "Polarity only: the confidence from which the service raises 疑似差评 / appeal candidate",
        DefaultValueFactory = _ => PolaritySignalRates.DefaultThreshold,
    };

    public static Option<string> KindOption() => new("--model")
    {
        Description = $"Model kind: {string.Join("|", ModelKind.All.Select(k => k.Name))}",
        DefaultValueFactory = _ => ModelKind.Themes.Name,
    };

    public string DataPath(ParseResult parse, string fallback) => parse.GetValue(Data) ?? fallback;

    public IReadOnlyList<(string Text, string Label)> Read(ParseResult parse, ModelKind kind, string fallbackPath, Action<string> log) =>
        LabelledCsv.Read(DataPath(parse, fallbackPath), parse.GetRequiredValue(TextColumn), parse.GetValue(LabelColumn) ?? kind.LabelColumn, log);

    public ThemePipeline PipelineOf(ParseResult parse, ModelKind kind) =>
        parse.GetValue(Pipeline) is { } name ? ThemePipeline.Parse(name) : kind.Pipeline;

    /// <summary>Signal rates are only meaningful for a praise/complaint/neutral label set.</summary>
    public static bool HasPolarityLabels(IEnumerable<string> labels) => labels.All(PolarityLabels.All.Contains);
}
