using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Reports;

/// <summary>
/// Renders weekly reports into <see cref="ReportOptions.OutputDirectory"/> and indexes them. Re-running a week
/// replaces its files and its index row, so Hangfire retries and re-renders are harmless.
/// </summary>
internal sealed class WeeklyReportJob(ReportRenderer renderer, ReportIndex index, ReportNotices notices, NpgsqlDataSource dataSource, TimeProvider time,
    IOptions<ReportOptions> options, ILogger<WeeklyReportJob> logger)
{
    /// <summary>A week is due at 08:00 on the Monday after it (China time), when the scheduled render runs.</summary>
    public static readonly TimeSpan DueAfterWeekEnd = TimeSpan.FromHours(8);

    /// <summary>Renders one week, e.g. "2026-W47" (a string, so that Hangfire stores a readable argument).</summary>
    public Task RunAsync(string week, CancellationToken ct) => RenderAsync(ReportWeek.Parse(week), null, null, ct);

    /// <summary>The Monday job: the week just finished (again, if someone rendered it early), then any missing week.</summary>
    public async Task RunScheduledAsync(CancellationToken ct)
    {
        await RenderAsync(LatestDue(time.GetUtcNow()), null, null, ct);
        await CatchUpAsync(ct);
    }

    /// <summary>Key of the PostgreSQL advisory lock that makes the catch-up single-flight across servers.</summary>
    public const long CatchUpLock = 0x4645_4544_5245_5054; // "FEEDREPT"

    /// <summary>
    /// Renders every due week of the last <see cref="ReportOptions.CatchUpWeeks"/> that has no report yet. Every server
    /// queues this on start; the first takes an advisory lock and the others skip, so weeks are rendered once, not per server.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = CatchUpLock } } })
        {
            if (await take.ExecuteScalarAsync(ct) is not true)
            {
                logger.LogInformation("Another server is catching up missing weekly reports; this one skips");
                return;
            }
        }
        try
        {
            await RenderMissingAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = CatchUpLock } } };
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task RenderMissingAsync(CancellationToken ct)
    {
        foreach (var week in MissingWeeks(time.GetUtcNow(), await index.WeeksAsync(ct), options.Value.CatchUpWeeks))
        {
            logger.LogInformation("Rendering missing weekly report {Week}", week);
            await RenderAsync(week, null, null, ct);
        }
    }

    /// <summary>Renders a week into <paramref name="outputDirectory"/>, or into the configured folder and the index when null.</summary>
    public async Task<RenderedReport> RenderAsync(ReportWeek week, string? outputDirectory, IProgress<string>? progress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var root = outputDirectory ?? options.Value.OutputDirectory;
        var rendered = await renderer.RenderAsync(week, root, now, progress, ct);
        // Each department's report, cut from the centre's just read; before the index row, so that the messages the
        // row brings find them.
        if (options.Value.DepartmentReports)
            await renderer.RenderDepartmentsAsync(rendered.Report, await DepartmentsAsync(ct), root, now, progress, ct);
        // A finished week's report is announced once (its notices are keyed by week); a week so far (未完) is not, nor a
        // week without a rating: the catch-up at a first start renders weeks from before the service had any.
        var announce = !rendered.Report.Unfinished && rendered.Report.Current.Total > 0;
        if (outputDirectory is null)
            await index.SaveAsync(rendered, week.ToString(), announce ? notices.For(rendered.Report, now) : [], ct);
        logger.LogInformation("Weekly report {Week} rendered in {Directory}: {Pages} pages, SQL {QueryMs:F0} ms, drawing {RenderMs:F0} ms",
            week, rendered.Directory, rendered.PageCount, rendered.QueryTime.TotalMilliseconds, rendered.RenderTime.TotalMilliseconds);
        return rendered;
    }

    private async Task<List<string>> DepartmentsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT code FROM departments WHERE retired_at IS NULL ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var codes = new List<string>();
        while (await reader.ReadAsync(ct))
            codes.Add(reader.GetString(0));
        return codes;
    }

    /// <summary>The latest week whose scheduled render time has passed at <paramref name="now"/>.</summary>
    public static ReportWeek LatestDue(DateTimeOffset now) => ReportWeek.Containing(now - DueAfterWeekEnd).Previous;

    /// <summary>Due weeks among the last <paramref name="lookback"/> without a report, oldest first.</summary>
    public static List<ReportWeek> MissingWeeks(DateTimeOffset now, IReadOnlySet<ReportWeek> rendered, int lookback)
    {
        var missing = new List<ReportWeek>();
        var week = LatestDue(now);
        for (var i = 0; i < lookback; i++, week = week.Previous)
        {
            if (!rendered.Contains(week))
                missing.Add(week);
        }
        missing.Reverse();
        return missing;
    }
}
