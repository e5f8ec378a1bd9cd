using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Feedback.Web.Cases;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Cli;
using Feedback.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Bench;

/// <summary>
/// `bench deadlines`: N open cases with deadlines spread over the next day. A real server process enforces them for
/// a while (lateness of every reminder and escalation, the server's CPU); then single sweep passes are timed in
/// this process, in the steady state and after a simulated one-hour outage.
/// </summary>
internal static class DeadlineBenchmark
{
    public static Command CreateCommand()
    {
        var cases = new Option<int>("--cases") { Description = "Open cases.", DefaultValueFactory = _ => 100_000 };
        var seconds = new Option<int>("--seconds") { Description = "How long the server enforces deadlines.", DefaultValueFactory = _ => 120 };
        var command = new Command("deadlines", "Cost of a deadline sweep pass and lateness of reminders and escalations.") { cases, seconds };
        command.SetAction((result, ct) => ToolHost.RunAsync(() => RunAsync(result.GetValue(cases), result.GetValue(seconds), ct)));
        return command;
    }

    private static async Task<int> RunAsync(int cases, int seconds, CancellationToken ct)
    {
        Console.Error.WriteLine("bench deadlines: starting a throwaway PostgreSQL cluster…");
        await using var cluster = await BenchCluster.StartAsync(ct);
        Console.Error.WriteLine($"bench deadlines: opening {cases:N0} cases due over the next 24 h…");
        var start = DateTimeOffset.UtcNow;
        await SeedAsync(cluster, cases, start, ct);

        Console.Error.WriteLine($"bench deadlines: a server enforces them for {seconds} s…");
        var cpu = await RunServerAsync(cluster, seconds, ct);
        var lateness = await LatenessAsync(cluster, start, ct);

        await using var app = await ToolHost.StartAsync(ct, cluster.ConnectionString);
        // A first pass catches up since the server stopped and pays for JIT; then the server's own interval, 10 s.
        await TimeAsync(Sweep(app.Services, TimeProvider.System), ct);
        var steady = new List<(TimeSpan Elapsed, SweepResult Result)>();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            steady.Add(await TimeAsync(Sweep(app.Services, TimeProvider.System), ct));
        }
        var outage = await TimeAsync(Sweep(app.Services, new ShiftedTime(TimeSpan.FromHours(1))), ct);

        var report = new StringBuilder();
        report.AppendLine("| measure | value |").AppendLine("|---|---|");
        report.AppendLine($"| open cases | {cases:N0}, due evenly over 24 h |");
        report.AppendLine($"| alerts handled by the server in {seconds} s | {lateness.Count:N0} |");
        report.AppendLine($"| lateness p50 / p99 / max | {lateness.P50:F1} s / {lateness.P99:F1} s / {lateness.Max:F1} s (target p99 ≤ 30 s) |");
        report.AppendLine($"| server CPU while enforcing | {cpu.TotalSeconds / seconds * 100:F1} % of one core |");
        report.AppendLine($"| one pass over 10 s of alerts, slowest of 3 | {steady.Max(s => s.Elapsed).TotalMilliseconds:F0} ms for {steady.Max(s => s.Result.Reminders + s.Result.Escalations)} alerts (target ≤ 1 s) |");
        report.AppendLine($"| one pass after a 1 h outage | {outage.Elapsed.TotalMilliseconds:F0} ms for {outage.Result.Reminders + outage.Result.Escalations:N0} alerts over {outage.Result.Cases:N0} cases |");
        Console.WriteLine(report);
        return lateness.P99 <= 30 && steady.Max(s => s.Elapsed) <= TimeSpan.FromSeconds(1) ? 0 : 1;
    }

    /// <summary>Cases as the opener makes them (24 h calendar time, reminders 50 %, 75 %, 1 h), their next alert the first one still ahead.</summary>
    private static async Task SeedAsync(BenchCluster cluster, int cases, DateTimeOffset now, CancellationToken ct)
    {
        var at = $"'{now:O}'::timestamptz";
        await cluster.ExecuteAsync($"""
            WITH e AS (
                INSERT INTO evaluations (channel, rating, department_code, assess_number, anonymous, evaluated_at, received_at, is_default, needs_review)
                SELECT 'web', 1 + g % 2, 'D0' || (1 + g % 8), 1, true, {at}, {at}, false, false FROM generate_series(1, {cases}) g
                RETURNING id, department_code),
            d AS (SELECT id, department_code, {at} + interval '10 seconds' + interval '1 day' * (row_number() OVER (ORDER BY id) - 1) / {cases} AS due FROM e)
            INSERT INTO cases (evaluation_id, department_code, state, opened_at, due_at, next_alert_at, updated_at, extensions)
            SELECT id, department_code, 'open', due - interval '1 day', due,
                   CASE WHEN due - interval '12 hours' >= {at} THEN due - interval '12 hours'
                        WHEN due - interval '6 hours' >= {at} THEN due - interval '6 hours'
                        WHEN due - interval '1 hour' >= {at} THEN due - interval '1 hour' ELSE due END,
                   {at}, 0
            FROM d;
            ANALYZE cases;
            """, ct);
    }

    private static async Task<TimeSpan> RunServerAsync(BenchCluster cluster, int seconds, CancellationToken ct)
    {
        await using var server = await ServerProcess.StartAsync(LoopbackPort.Free(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Feedback"] = cluster.ConnectionString,
            ["Jobs__RunServer"] = "true",
        }, ct);
        var before = server.CpuTime();
        var progress = new ConsoleProgress("enforcing", seconds, "alerts");
        for (var i = 1; i <= seconds; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            progress.Report(i, await cluster.CountAsync("SELECT count(*) FROM case_alerts", ct));
        }
        progress.Done();
        return server.CpuTime() - before;
    }

    private static async Task<(int Count, double P50, double P99, double Max)> LatenessAsync(BenchCluster cluster, DateTimeOffset start, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT count(*),
                   coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM handled_at - scheduled_at)), 0),
                   coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM handled_at - scheduled_at)), 0),
                   coalesce(max(extract(epoch FROM handled_at - scheduled_at)), 0)
            FROM case_alerts WHERE scheduled_at >= $1
            """, connection);
        command.Parameters.Add(new() { Value = start });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ((int)reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), Convert.ToDouble(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static DeadlineSweep Sweep(IServiceProvider services, TimeProvider time) => new(
        services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<CaseSchedule>(), services.GetRequiredService<CaseNotices>(), time,
        services.GetRequiredService<IOptions<CaseOptions>>(), services.GetRequiredService<ILogger<DeadlineSweep>>());

    private static async Task<(TimeSpan Elapsed, SweepResult Result)> TimeAsync(DeadlineSweep sweep, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var result = await sweep.RunAsync(ct);
        return (clock.Elapsed, result);
    }

    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
