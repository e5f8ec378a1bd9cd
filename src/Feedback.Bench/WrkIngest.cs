using System.Diagnostics;
using System.Globalization;
using System.Text;
using Feedback.Web.Infrastructure;

namespace Feedback.Bench;

/// <summary>
/// `bench ingest --external`: the shipped `serve` driven by wrk (Debian's package) with the repository's Lua script
/// (wrk/ratings.lua), beside pgbench's single-row INSERTs on the same PostgreSQL, in one run: the figure a centre's
/// own tools would see, from a load generator that shares nothing with this program.
/// </summary>
internal static class WrkIngest
{
    private const int Threads = 2;
    private const int WarmUpSeconds = 5;

    public static async Task<int> RunAsync(int seconds, int clients, CancellationToken ct)
    {
        Console.Error.WriteLine("bench ingest --external: starting a throwaway PostgreSQL cluster…");
        await using var cluster = await BenchCluster.StartAsync(ct);
        Console.Error.WriteLine($"bench ingest --external: pgbench baseline, {clients} clients, {seconds} s…");
        var pgbenchTps = await PgBench.InsertTpsAsync(cluster, clients, seconds, ct);

        await using var server = await ServerProcess.StartAsync(LoopbackPort.Free(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Feedback"] = cluster.ConnectionString,
            ["Reports__CatchUpWeeks"] = "0",
        }, ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        Console.Error.WriteLine($"bench ingest --external: wrk warm-up {WarmUpSeconds} s…");
        await WrkAsync(server.Url, clients, WarmUpSeconds, $"{run}w", cluster.ApiKey, ct);
        Console.Error.WriteLine($"bench ingest --external: wrk, {Threads} threads, {clients} connections, {seconds} s…");
        var measured = await WrkAsync(server.Url, clients, seconds, run, cluster.ApiKey, ct);
        var stored = await cluster.CountAsync($"SELECT count(*) FROM evaluations WHERE case_number LIKE 'WRK-{run}-%'", ct);

        var perSecond = measured["created"] / measured["seconds"];
        var report = new StringBuilder();
        report.AppendLine("| measure (external: wrk against `serve`) | value |").AppendLine("|---|---|");
        report.AppendLine($"| pgbench single-row INSERT, {clients} clients | {pgbenchTps:N0} tps |");
        report.AppendLine($"| wrk POST /api/evaluations, {Threads} threads, {clients} connections, 5 % 差评 | {perSecond:N0} durable ratings/s |");
        report.AppendLine($"| ratio to pgbench | {perSecond / pgbenchTps:F2} (target ≥ 0.8) |");
        report.AppendLine($"| latency p50 / p99 | {measured["p50"]:F1} ms / {measured["p99"]:F1} ms (target p99 ≤ 25) |");
        report.AppendLine($"| server peak RSS | {server.PeakRss() / 1048576.0:N0} MB (target ≤ 400) |");
        report.AppendLine($"| requests / 201s / rows stored | {measured["requests"]:N0} / {measured["created"]:N0} / {stored:N0} |");
        report.AppendLine($"| load average (1 min) at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
        Console.WriteLine(report);
        // Every 201 must be a stored row: a request wrk cut off at the end may be stored without its 201, never the reverse.
        return stored >= measured["created"] ? 0 : 1;
    }

    private static async Task<Dictionary<string, double>> WrkAsync(string url, int clients, int seconds, string run, string apiKey, CancellationToken ct)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "wrk", "ratings.lua");
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", $"{Threads}", "-c", $"{clients}", "-d", $"{seconds}s", "--timeout", "10s", "-s", script, url })
            info.ArgumentList.Add(argument);
        info.Environment["BENCH_RUN"] = run;
        info.Environment["BENCH_API_KEY"] = apiKey;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {errors}{output}");
        // The script's done() writes "name value" lines after wrk's own summary.
        return output.Split('\n')
            .Select(line => line.Split(' ', 2))
            .Where(p => p.Length == 2 && p[0] is "created" or "requests" or "seconds" or "p50" or "p99")
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
    }
}
