using System.CommandLine;
using System.Globalization;
using Feedback.Web.Cli;
using Feedback.Web.Reports;

namespace Feedback.Web.Classification;

/// <summary>`reclassify [--since DATE]`: re-scores stored ratings with the shipped models now, with a progress bar on stderr.</summary>
internal static class ReclassifyCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only ratings evaluated on or after this day (yyyy-MM-dd, China time)" };
        var command = new Command("reclassify", "Re-score stored ratings whose theme or polarity came from other models than the loaded ones") { since };
        command.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            var from = ParseDay(result.GetValue(since));
            await using var app = await ToolHost.StartAsync(ct);
            var tagger = app.Services.GetRequiredService<ThemeTagger>();
            if (!tagger.IsAvailable)
            {
                await Console.Error.WriteLineAsync("error: no model is loaded (Classification:Enabled is false, or no model file): nothing to re-score with");
                return 2;
            }
            var reclassifier = app.Services.GetRequiredService<Reclassifier>();
            var total = await reclassifier.CountAsync(from, ct);
            var progress = new ConsoleProgress("reclassify", total, "ratings");
            var updated = await reclassifier.RunAsync(from, done => progress.Report(done, done), ct);
            progress.Done();
            Console.WriteLine($"re-scored {updated:N0} ratings with theme model {tagger.ModelVersion ?? "-"} and polarity model {tagger.PolarityModelVersion ?? "-"}");
            return 0;
        }));
        return command;
    }

    private static DateTimeOffset? ParseDay(string? text)
    {
        if (text is null)
            return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new ArgumentException($"--since '{text}' is not a day such as 2026-11-23");
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ReportWeek.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
    }
}
