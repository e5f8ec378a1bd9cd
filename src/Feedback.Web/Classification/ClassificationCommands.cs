using System.CommandLine;
using System.Text.Json.Nodes;
using Feedback.Ml;
using Feedback.Web.Cli;

namespace Feedback.Web.Classification;

/// <summary>
/// train, evaluate and crossval (and the benchmarks' classify): thin wrappers over Feedback.Ml for either model kind
/// (<c>--model themes|polarity</c>). Results go to stdout (one JSON object with --json), progress to stderr; input a
/// person can fix exits 2 with one line on stderr.
/// </summary>
internal static class ClassificationCommands
{
    private const int InvalidInput = 2;

    public static void AddClassificationCommands(this RootCommand root)
    {
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvaluateCommand());
        root.Subcommands.Add(CrossValidateCommand());
    }

    private static Command TrainCommand()
    {
        var (shared, kindOption) = (new ModelOptions(), ModelOptions.KindOption());
        var output = new Option<string?>("--out") { Description = "Model file to write (default: models/KIND.zip)" };
        var corrections = new Option<bool>("--include-corrections") { Description = "Themes only: add the officers' theme corrections from the database" };
        var command = new Command("train", "Train a model (themes or polarity) on a labelled CSV and save it")
            { kindOption, shared.Data, output, shared.TextColumn, shared.LabelColumn, shared.Pipeline, corrections };
        command.SetAction(async (parse, ct) =>
        {
            if (!ModelKind.TryParse(parse.GetValue(kindOption), out var kind))
                return Fail(parse, $"unknown model kind '{parse.GetValue(kindOption)}': use {string.Join("|", ModelKind.All.Select(k => k.Name))}");
            if (parse.GetValue(corrections) && kind != ModelKind.Themes)
                return Fail(parse, "--include-corrections applies to the themes model only (officers correct themes, not polarity)");
            var extra = parse.GetValue(corrections) ? await LoadCorrectionsAsync(parse.InvocationConfiguration.Error, ct) : [];
            return Run(parse, (stdout, log) =>
            {
                var rows = shared.Read(parse, kind, kind.TrainPath, log);
                var path = parse.GetValue(output) ?? kind.ModelPath;
                ThemeModel.Save(ThemeModel.Train(rows.Concat(extra), shared.PipelineOf(parse, kind), log), path);
                var saved = ThemeModel.Load(path).Info;
                stdout.WriteLine($"saved {path}: {saved.Pipeline}, version {saved.Version}, " +
                                 $"{saved.TrainingRows} rows ({extra.Count} from corrections), labels {string.Join(",", saved.Labels)}");
            });
        });
        return command;
    }

    private static async Task<List<(string Text, string Label)>> LoadCorrectionsAsync(TextWriter log, CancellationToken ct)
    {
        await using var app = await ToolHost.StartAsync(ct);
        var examples = await CorrectionExamples.LoadAsync(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), ct);
        await log.WriteLineAsync($"corrections: {examples.Count} rows from the database");
        return examples;
    }

    private static Command EvaluateCommand()
    {
        var shared = new ModelOptions();
        var model = new Option<string>("--model")
        {
            Description = "A model kind (themes|polarity: models/KIND.zip on models/KIND.dev.csv) or a model file made by train",
            Required = true,
        };
        var command = new Command("evaluate", "Score a model on labelled data: accuracy, macro-F1, per-class P/R/F1, confusion matrix (and signal rates for polarity)")
            { model, shared.Data, shared.TextColumn, shared.LabelColumn, shared.Json, shared.SignalThreshold };
        command.SetAction(parse => Run(parse, (stdout, log) =>
        {
            var named = parse.GetRequiredValue(model);
            var isKind = ModelKind.TryParse(named, out var kind);
            // A kind's shipped model is found as the service finds it: in the current directory, then beside the program.
            var trained = ThemeModel.Load(isKind ? ThemeTagger.ResolveModelPath(kind.ModelPath) ?? kind.ModelPath : named);
            // A model file's kind, for the default data and label column, follows from its labels.
            if (!isKind)
                kind = ModelOptions.HasPolarityLabels(trained.Labels) ? ModelKind.Polarity : ModelKind.Themes;
            var rows = shared.Read(parse, kind, kind.DevPath, log);
            var predicted = trained.Predict(rows.Select(r => r.Text));
            var actual = rows.Select(r => r.Label).ToArray();
            var metrics = ClassificationMetrics.Compute(actual, [.. predicted.Select(p => p.Label)]);
            var signals = ModelOptions.HasPolarityLabels(trained.Labels)
                ? PolaritySignalRates.Measure(actual, predicted, parse.GetValue(shared.SignalThreshold)) : null;
            if (parse.GetValue(shared.Json))
            {
                var json = MetricsJson.ForEvaluation(metrics, trained.Info);
                if (signals is not null)
                    json["signals"] = MetricsJson.ForSignals(signals);
                stdout.WriteLine(MetricsJson.Write(json));
                return;
            }
            stdout.Write($"{trained.Info.Pipeline}, version {trained.Info.Version}{Environment.NewLine}{MetricsText.Format(metrics)}");
            if (signals is not null)
                stdout.Write(Environment.NewLine + MetricsText.Format(signals));
        }));
        return command;
    }

    private static Command CrossValidateCommand()
    {
        var (shared, kindOption) = (new ModelOptions(), ModelOptions.KindOption());
        var folds = new Option<int>("--folds") { Description = "Number of folds K (at least 2)", DefaultValueFactory = _ => 5 };
        var compare = new Option<bool>("--compare") { Description = "Cross-validate every featurizer × trainer instead of --pipeline" };
        var errors = new Option<int>("--show-errors") { Description = "Also print the N most confident out-of-fold mistakes (to stderr)" };
        var command = new Command("crossval", "K-fold cross-validation of the pipeline on any labelled data, with its own labels")
            { kindOption, shared.Data, folds, shared.TextColumn, shared.LabelColumn, shared.Pipeline, compare, shared.Json, shared.SignalThreshold, errors };
        command.SetAction(parse => Run(parse, (stdout, log) =>
        {
            var kind = ModelKind.Parse(parse.GetValue(kindOption)!);
            var k = parse.GetValue(folds);
            if (k < 2)
                throw new ThemeDataException($"--folds must be at least 2, got {k}");
            var chosen = shared.PipelineOf(parse, kind);
            var rows = shared.Read(parse, kind, kind.TrainPath, log);
            if (parse.GetValue(compare))
            {
                var results = PipelineComparison.Run(rows, k, ThemePipeline.All, log);
                stdout.WriteLine(parse.GetValue(shared.Json) ? MetricsJson.Write(MetricsJson.ForComparison(results, rows.Count)) : PipelineComparison.FormatTable(results));
                return;
            }
            var result = ThemeModel.CrossValidate(rows, k, chosen, log);
            foreach (var (text, actual, predicted) in ConfidentMistakes(rows, result, parse.GetValue(errors)))
                log($"{predicted.Confidence:F2} {actual} → {predicted.Label}: {text}");
            WriteCrossValidation(stdout, result, parse.GetValue(shared.Json), parse.GetValue(shared.SignalThreshold));
        }));
        return command;
    }

    /// <summary>The pooled metrics, and for polarity labels the signal rates at the threshold and across <see cref="PolaritySignalRates.Sweep"/>.</summary>
    private static void WriteCrossValidation(TextWriter stdout, CrossValidationResult result, bool json, double threshold)
    {
        var polarity = ModelOptions.HasPolarityLabels(result.Pooled.Labels);
        var sweep = polarity ? PolaritySignalRates.Sweep.Select(t => PolaritySignalRates.Measure(result.Actual, result.OutOfFold, t)).ToList() : [];
        var signals = polarity ? PolaritySignalRates.Measure(result.Actual, result.OutOfFold, threshold) : null;
        if (json)
        {
            var node = MetricsJson.ForCrossValidation(result);
            if (signals is not null)
            {
                node["signals"] = MetricsJson.ForSignals(signals);
                node["signalsByThreshold"] = new JsonArray([.. sweep.Select(s => (JsonNode?)MetricsJson.ForSignals(s))]);
            }
            stdout.WriteLine(MetricsJson.Write(node));
            return;
        }
        stdout.Write(MetricsText.Format(result));
        if (signals is null)
            return;
        stdout.Write(Environment.NewLine + MetricsText.Format(signals) + Environment.NewLine + MetricsText.FormatSweep(sweep));
    }

    private static IEnumerable<(string Text, string Actual, ScoredLabel Predicted)> ConfidentMistakes(
        IReadOnlyList<(string Text, string Label)> rows, CrossValidationResult result, int count) =>
        rows.Select((r, i) => (r.Text, r.Label, Predicted: result.OutOfFold[i]))
            .Where(r => r.Label != r.Predicted.Label).OrderByDescending(r => r.Predicted.Confidence).Take(count);

    internal static int Run(ParseResult parse, Action<TextWriter, Action<string>> body)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        try
        {
            body(stdout, stderr.WriteLine);
            return 0;
        }
        catch (ThemeDataException e)
        {
            return Fail(parse, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(parse, e.Message);
        }
    }

    private static int Fail(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine($"error: {message}");
        return InvalidInput;
    }
}
