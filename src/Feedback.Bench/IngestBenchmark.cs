using System.CommandLine;
using System.Net;
using System.Text;
using Feedback.Web.Cli;
using Feedback.Web.Infrastructure;

namespace Feedback.Bench;

/// <summary>
/// `bench ingest`: POST /api/evaluations from this process against a separate server process at N clients,
/// beside pgbench's single-row INSERTs on the same PostgreSQL; then `import` beside a raw COPY of the same rows.
/// </summary>
internal static class IngestBenchmark
{
    public static Command CreateCommand()
    {
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per configuration (split over two runs each).", DefaultValueFactory = _ => 20 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 32 };
        var importRows = new Option<int>("--import-rows") { Description = "Rows for the import phase (0 skips it).", DefaultValueFactory = _ => 1_000_000 };
        var importRounds = new Option<int>("--import-rounds") { Description = "Rounds of the import phase; the median round is reported.", DefaultValueFactory = _ => 3 };
        var importOnly = new Option<bool>("--import-only") { Description = "Only the import phase (import vs COPY)." };
        var external = new Option<bool>("--external") { Description = "Drive the shipped serve with wrk and src/Feedback.Bench/wrk/ratings.lua instead (beside pgbench)." };
        var command = new Command("ingest", "Durable ratings/s over HTTP vs pgbench INSERTs; import vs COPY.") { seconds, clients, importRows, importRounds, importOnly, external };
        command.SetAction((result, ct) => ToolHost.RunAsync(() =>
            result.GetValue(importOnly) ? ImportBenchmark.ReportAsync(result.GetValue(importRows), result.GetValue(importRounds), ct)
            : result.GetValue(external) ? WrkIngest.RunAsync(result.GetValue(seconds), result.GetValue(clients), ct)
            : RunAsync(result.GetValue(seconds), result.GetValue(clients), result.GetValue(importRows), result.GetValue(importRounds), ct)));
        return command;
    }

    private static async Task<int> RunAsync(int seconds, int clients, int importRows, int importRounds, CancellationToken ct)
    {
        Console.Error.WriteLine("bench ingest: starting a throwaway PostgreSQL cluster…");
        await using var cluster = await BenchCluster.StartAsync(ct);

        Console.Error.WriteLine($"bench ingest: pgbench baseline, {clients} clients, {seconds} s…");
        var pgbenchTps = await PgBench.InsertTpsAsync(cluster, clients, seconds, ct);

        // Off, on, on, off: the table grows during the run, so an ABBA order keeps that drift out of the comparison.
        var runs = new List<(bool Classify, LoadResult Result, long PeakRss)>();
        foreach (var classify in new[] { false, true, true, false })
        {
            var (result, rss) = await MeasureApiAsync(cluster, clients, Math.Max(1, seconds / 2), classify, ct);
            runs.Add((classify, result, rss));
        }
        var plain = LoadResult.Combine(runs.Where(r => !r.Classify).Select(r => r.Result));
        var api = LoadResult.Combine(runs.Where(r => r.Classify).Select(r => r.Result));
        var peakRss = runs.Max(r => r.PeakRss);
        var stored = await cluster.CountAsync("SELECT count(*) FROM evaluations WHERE case_number LIKE 'BENCH-%'", ct);

        var report = new StringBuilder();
        report.AppendLine("| measure | value |").AppendLine("|---|---|");
        report.AppendLine($"| pgbench single-row INSERT, {clients} clients | {pgbenchTps:N0} tps |");
        report.AppendLine($"| POST /api/evaluations, {clients} clients, classification off | {plain.PerSecond:N0} durable evaluations/s |");
        report.AppendLine($"| POST /api/evaluations, {clients} clients, classification on | {api.PerSecond:N0} durable evaluations/s |");
        report.AppendLine($"| classification on / off | {api.PerSecond / plain.PerSecond:F2} |");
        report.AppendLine($"| ratio to pgbench | {api.PerSecond / pgbenchTps:F2} (target ≥ 0.5) |");
        report.AppendLine($"| latency p50 / p99 (classification on) | {api.P50Ms:F1} ms / {api.P99Ms:F1} ms |");
        report.AppendLine($"| server peak RSS | {peakRss / 1048576.0:N0} MB (target ≤ 400) |");
        report.AppendLine($"| 201s acknowledged (both runs) / rows stored / failures | {plain.Acknowledged + api.Acknowledged:N0} / {stored:N0} / {plain.Failed + api.Failed:N0} |");
        if (importRows > 0)
        {
            ImportBenchmark.AppendRows(report, importRows, await ImportBenchmark.RunAsync(cluster, importRows, importRounds, ct));
        }
        Console.WriteLine(report);
        // The warm-up's ratings are stored too, so there may be more rows than measured acknowledgements, never fewer.
        return stored >= plain.Acknowledged + api.Acknowledged ? 0 : 1;
    }

    private static async Task<(LoadResult Result, long PeakRss)> MeasureApiAsync(BenchCluster cluster, int clients, int seconds, bool classify, CancellationToken ct)
    {
        Console.Error.WriteLine($"bench ingest: starting the server process, classification {(classify ? "on" : "off")}…");
        await using var server = await ServerProcess.StartAsync(LoopbackPort.Free(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Feedback"] = cluster.ConnectionString,
            ["Jobs__RunServer"] = "true",
            ["Classification__Enabled"] = classify ? "true" : "false",
            // No catch-up renders of weekly reports in the middle of the measurement.
            ["Reports__CatchUpWeeks"] = "0",
        }, ct);
        using var http = LoadGenerator.CreateClient(clients);
        http.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
        var run = Guid.NewGuid().ToString("N")[..8];
        Task<HttpStatusCode> Send(int client, long n, CancellationToken token) => PostAsync(http, server.Url, $"BENCH-{run}-{client}-{n}", Comments[n % Comments.Length], token);

        Console.Error.WriteLine("bench ingest: warm-up 3 s…");
        await LoadGenerator.RunAsync(clients, TimeSpan.FromSeconds(3), (c, n, t) => Send(c + 1000, n, t), HttpStatusCode.Created, ct);
        Console.Error.WriteLine($"bench ingest: POST /api/evaluations, {clients} clients, {seconds} s…");
        var (serverCpu, clientCpu) = (server.CpuTime(), Environment.CpuUsage.TotalTime);
        var result = await LoadGenerator.RunAsync(clients, TimeSpan.FromSeconds(seconds), Send, HttpStatusCode.Created, ct);
        Console.Error.WriteLine($"bench ingest: CPU per rating: server {(server.CpuTime() - serverCpu).TotalMicroseconds / result.Acknowledged:F0} µs, " +
            $"load generator {(Environment.CpuUsage.TotalTime - clientCpu).TotalMicroseconds / result.Acknowledged:F0} µs");
        return (result, server.PeakRss());
    }

    internal static async Task<HttpStatusCode> PostAsync(HttpClient http, string url, string caseNumber, string comment, CancellationToken ct)
    {
        var json = $$"""{"caseNumber":"{{caseNumber}}","channel":"qr","rating":5,"comment":"{{comment}}","departmentCode":"D01","windowCode":"W001","staffCode":"S001","serviceItemCode":"I001"}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"{url}/api/evaluations", content, ct);
        return response.StatusCode;
    }

    internal static readonly string[] Comments =
    [
        "窗口工作人员很耐心，一次就办好了", "排队等了一个多小时，窗口只开了两个", "材料清单没有一次说清楚，跑了两趟",
        "网上办理一直提交失败", "办事效率高，点赞", "工作人员上班时间玩手机", "停车太难了",
    ];
}
