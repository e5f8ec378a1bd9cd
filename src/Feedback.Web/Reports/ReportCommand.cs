using System.CommandLine;
using Feedback.Web.Cli;

namespace Feedback.Web.Reports;

/// <summary>`report --week 2026-W47 [--out DIR]`: renders a week now and prints the files.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var week = new Option<string?>("--week") { Description = "ISO week, e.g. 2026-W47 (default: the last finished week)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write here instead of Reports:OutputDirectory (then the index is not updated)." };
        var command = new Command("report", "Render a weekly report (PDF, chart PNGs, summary.png).") { week, output };
        command.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            var text = result.GetValue(week);
            await using var app = await ToolHost.StartAsync(ct);
            // A tool's host is not started, so its hosted ReportWeekZone does not run: give weeks the centre's zone here.
            ReportWeek.UseZone(app.Services.GetRequiredService<Infrastructure.CentreTime>().Zone);
            var target = text is null ? WeeklyReportJob.LatestDue(DateTimeOffset.UtcNow) : ReportWeek.Parse(text);
            await using var scope = app.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<WeeklyReportJob>();
            var progress = new Progress<string>(stage => Console.Error.WriteLine($"report {target}: {stage}…"));
            var rendered = await job.RenderAsync(target, result.GetValue(output)?.FullName, progress, ct);
            foreach (var file in rendered.Files)
                Console.WriteLine($"{Path.Combine(rendered.Directory, file.Name)}\t{file.Bytes:N0} bytes");
            Console.Error.WriteLine($"report {target}: {rendered.PageCount} pages, SQL {rendered.QueryTime.TotalMilliseconds:N0} ms, drawing {rendered.RenderTime.TotalMilliseconds:N0} ms");
            return 0;
        }));
        return command;
    }
}
