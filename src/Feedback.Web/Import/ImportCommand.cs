using System.CommandLine;
using Feedback.Web.Cli;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Import;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .ndjson file of ratings (same fields as the API)." };
        var command = new Command("import", "Import ratings with the API's validation; prints each invalid row.") { file };
        command.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"No such file: {path.FullName}");
            }
            await using var app = await ToolHost.StartAsync(ct);
            var runner = ActivatorUtilities.CreateInstance<ImportRunner>(app.Services);
            var progress = new ConsoleProgress("import", path.Length);
            var summary = await runner.RunAsync(path.FullName,
                row => Console.WriteLine($"line {row.LineNumber}: invalid: {TerminalText.Safe(EvaluationValidator.Format(row.Errors!))}"),
                progress.Report, ct);
            progress.Done();
            Console.WriteLine($"created {summary.Created}, duplicate {summary.Duplicates}, invalid {summary.Invalid} " +
                $"({summary.Elapsed.TotalSeconds:F1} s, {(summary.Created + summary.Duplicates + summary.Invalid) / Math.Max(summary.Elapsed.TotalSeconds, 0.001):N0} rows/s)");
            return summary.Invalid > 0 ? 1 : 0;
        }));
        return command;
    }
}
