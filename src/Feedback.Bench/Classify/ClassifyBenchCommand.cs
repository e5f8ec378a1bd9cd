using System.CommandLine;
using System.Text.Json;
using Feedback.Ml;
using Feedback.Web.Classification;

namespace Feedback.Bench.Classify;

/// <summary>`bench classify`: speed of both models (themes, polarity, and one comment through both) beside the word-bag baseline, on one core.</summary>
internal static class ClassifyBenchCommand
{
    public static Command Create()
    {
        var shared = new ModelOptions();
        var data = new Option<string>("--data") { Description = "Labelled themes CSV to train and predict on", DefaultValueFactory = _ => ModelKind.Themes.TrainPath };
        var polarityData = new Option<string>("--polarity-data") { Description = "Labelled polarity CSV to train and predict on", DefaultValueFactory = _ => ModelKind.Polarity.TrainPath };
        var rows = new Option<int>("--train-rows") { Description = "Rows to time training on (made from each data file)", DefaultValueFactory = _ => 50_000 };
        var command = new Command("classify", "Prediction, load and training speed of the theme and polarity models beside the FeaturizeText baseline, on one core")
            { data, polarityData, rows, shared.TextColumn, shared.Json };
        command.SetAction(parse => ClassificationCommands.Run(parse, (stdout, log) =>
        {
            var options = new ClassifyBenchOptions(parse.GetRequiredValue(data), parse.GetRequiredValue(shared.TextColumn), TrainRows: parse.GetValue(rows))
            {
                PolarityDataPath = parse.GetRequiredValue(polarityData),
            };
            var figures = ClassifyBench.Run(options, log);
            stdout.Write(parse.GetValue(shared.Json) ? JsonSerializer.Serialize(figures, MetricsJson.Options) + Environment.NewLine : BenchText.Format(figures));
        }));
        return command;
    }
}
