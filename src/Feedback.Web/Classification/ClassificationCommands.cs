using System.CommandLine;
using System.Text.Json;
using Feedback.Ml;
using Feedback.Web.Cli;

namespace Feedback.Web.Classification;

/// <summary>
/// train, evaluate, crossval and bench classify: thin wrappers over Feedback.Ml. Results go to stdout (one JSON
/// object with --json), progress to stderr; input a person can fix exits 2 with one line on stderr.
/// </summary>
internal static class ClassificationCommands
{
    private const int InvalidInput = 2;

    public static void AddClassificationCommands(this RootCommand root, Command bench)
    {
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvaluateCommand());
        root.Subcommands.Add(CrossValidateCommand());
        bench.Subcommands.Add(BenchCommand());
    }

    private static Command TrainCommand()
    {
        var (data, textColumn, labelColumn, pipeline) = (DataOption(), TextColumnOption(), LabelColumnOption(), PipelineOption());
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var corrections = new Option<bool>("--include-corrections") { Description = "Add the officers' theme corrections from the database" };
        var command = new Command("train", "Train a theme model on a labelled CSV and save it") { data, output, textColumn, labelColumn, pipeline, corrections };
        command.SetAction(async (parse, ct) =>
        {
            var extra = parse.GetValue(corrections) ? await LoadCorrectionsAsync(parse.InvocationConfiguration.Error, ct) : [];
            return Run(parse, (stdout, log) =>
            {
                var rows = LabelledCsv.Read(parse.GetRequiredValue(data), parse.GetRequiredValue(textColumn), parse.GetRequiredValue(labelColumn), log);
                var model = ThemeModel.Train(rows.Concat(extra), ThemePipeline.Parse(parse.GetRequiredValue(pipeline)), log);
                ThemeModel.Save(model, parse.GetRequiredValue(output));
                var saved = ThemeModel.Load(parse.GetRequiredValue(output)).Info;
                stdout.WriteLine($"saved {parse.GetRequiredValue(output)}: {saved.Pipeline}, version {saved.Version}, " +
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
        var (data, textColumn, labelColumn, json) = (DataOption(), TextColumnOption(), LabelColumnOption(), JsonOption());
        var model = new Option<string>("--model") { Description = "Model file made by train", Required = true };
        var command = new Command("evaluate", "Score a model on labelled data: accuracy, macro-F1, per-class P/R/F1, confusion matrix")
            { model, data, textColumn, labelColumn, json };
        command.SetAction(parse => Run(parse, (stdout, log) =>
        {
            var trained = ThemeModel.Load(parse.GetRequiredValue(model));
            var rows = LabelledCsv.Read(parse.GetRequiredValue(data), parse.GetRequiredValue(textColumn), parse.GetRequiredValue(labelColumn), log);
            var metrics = ThemeModel.Evaluate(trained, rows);
            stdout.Write(parse.GetValue(json)
                ? MetricsJson.Write(MetricsJson.ForEvaluation(metrics, trained.Info)) + Environment.NewLine
                : $"{trained.Info.Pipeline}, version {trained.Info.Version}{Environment.NewLine}{MetricsText.Format(metrics)}");
        }));
        return command;
    }

    private static Command CrossValidateCommand()
    {
        var (data, textColumn, labelColumn, pipeline, json) = (DataOption(), TextColumnOption(), LabelColumnOption(), PipelineOption(), JsonOption());
        var folds = new Option<int>("--folds") { Description = "Number of folds K (at least 2)", DefaultValueFactory = _ => 5 };
        var compare = new Option<bool>("--compare") { Description = "Cross-validate every featurizer × trainer instead of --pipeline" };
        var command = new Command("crossval", "K-fold cross-validation of the pipeline on any labelled data, with its own labels")
            { data, folds, textColumn, labelColumn, pipeline, compare, json };
        command.SetAction(parse => Run(parse, (stdout, log) =>
        {
            var k = parse.GetValue(folds);
            if (k < 2)
                throw new ThemeDataException($"--folds must be at least 2, got {k}");
            var chosen = ThemePipeline.Parse(parse.GetRequiredValue(pipeline));
            var rows = LabelledCsv.Read(parse.GetRequiredValue(data), parse.GetRequiredValue(textColumn), parse.GetRequiredValue(labelColumn), log);
            if (parse.GetValue(compare))
            {
                var results = PipelineComparison.Run(rows, k, ThemePipeline.All, log);
                stdout.WriteLine(parse.GetValue(json) ? MetricsJson.Write(MetricsJson.ForComparison(results, rows.Count)) : PipelineComparison.FormatTable(results));
                return;
            }
            var result = ThemeModel.CrossValidate(rows, k, chosen, log);
            stdout.Write(parse.GetValue(json)
                ? MetricsJson.Write(MetricsJson.ForCrossValidation(result)) + Environment.NewLine
                : MetricsText.Format(result));
        }));
        return command;
    }

    private static Command BenchCommand()
    {
        var (textColumn, labelColumn, json) = (TextColumnOption(), LabelColumnOption(), JsonOption());
        var data = new Option<string>("--data") { Description = "Labelled CSV to train and predict on", DefaultValueFactory = _ => "models/themes.train.csv" };
        var rows = new Option<int>("--train-rows") { Description = "Rows to time training on (made from --data)", DefaultValueFactory = _ => 50_000 };
        var command = new Command("classify", "Prediction, load and training speed of the chosen pipeline beside the FeaturizeText baseline, on one core")
            { data, rows, textColumn, labelColumn, json };
        command.SetAction(parse => Run(parse, (stdout, log) =>
        {
            var figures = ClassifyBench.Run(new ClassifyBenchOptions(parse.GetRequiredValue(data), parse.GetRequiredValue(textColumn),
                parse.GetRequiredValue(labelColumn), TrainRows: parse.GetValue(rows)), log);
            stdout.Write(parse.GetValue(json) ? JsonSerializer.Serialize(figures, MetricsJson.Options) + Environment.NewLine : BenchText.Format(figures));
        }));
        return command;
    }

    // Options are made per command: System.CommandLine symbols remember their parents, and roots are built per call.
    private static Option<string> DataOption() => new("--data") { Description = "Labelled CSV (or .tsv) with a header row", Required = true };

    private static Option<string> TextColumnOption() => new("--text-column") { Description = "Column holding the text", DefaultValueFactory = _ => LabelledCsv.DefaultTextColumn };

    private static Option<string> LabelColumnOption() => new("--label-column") { Description = "Column holding the label", DefaultValueFactory = _ => LabelledCsv.DefaultLabelColumn };

    private static Option<string> PipelineOption() => new("--pipeline") { Description = $"FEATURIZER+TRAINER, default {ThemePipeline.Default}", DefaultValueFactory = _ => ThemePipeline.Default.Name };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object instead of tables" };

    private static int Run(ParseResult parse, Action<TextWriter, Action<string>> body)
    {
        var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        try
        {
            body(stdout, stderr.WriteLine);
            return 0;
        }
        catch (ThemeDataException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return InvalidInput;
        }
    }
}
