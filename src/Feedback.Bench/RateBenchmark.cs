using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Feedback.Web.Cli;
using Feedback.Web.Infrastructure;
using Feedback.Web.Qr;
using Feedback.Web.Tracking;

namespace Feedback.Bench;

/// <summary>
/// `bench rate`: citizens rating by QR code (GET the page, POST its form) from this process against a separate
/// server process, beside API ingestion against the same server in the same run; then the tracking page
/// (GET /t/{token}) of ratings good and bad, with and without a case.
/// </summary>
internal static partial class RateBenchmark
{
    public static Command CreateCommand()
    {
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per path (split over two runs each).", DefaultValueFactory = _ => 20 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 32 };
        var command = new Command("rate", "QR ratings/s (page GET + form POST) vs POST /api/evaluations in the same run.") { seconds, clients };
        command.SetAction((result, ct) => ToolHost.RunAsync(() => RunAsync(result.GetValue(seconds), result.GetValue(clients), ct)));
        return command;
    }

    private static async Task<int> RunAsync(int seconds, int clients, CancellationToken ct)
    {
        Console.Error.WriteLine("bench rate: starting a throwaway PostgreSQL cluster…");
        await using var cluster = await BenchCluster.StartAsync(ct);
        var tokens = await PosterTokensAsync(cluster.ConnectionString, ct);
        // Limits high enough for one load generator's address (the per-address-and-poster floor under the device rule
        // included: every request here comes from one address); the device cookie rule stays on (every rating is a new phone).
        await using var server = await ServerProcess.StartAsync(LoopbackPort.Free(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Feedback"] = cluster.ConnectionString,
            ["Qr__PostsPerMinutePerClient"] = "1000000",
            ["Qr__PostsPerMinutePerLink"] = "1000000",
            ["Qr__PostsPerDeviceWindowPerClientAndLink"] = "1000000",
            ["Qr__TrackingRequestsPerMinutePerClient"] = "1000000",
        }, ct);
        using var http = LoadGenerator.CreateClient(clients);
        http.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
        var run = Guid.NewGuid().ToString("N")[..8];
        var pageBytes = 0L;
        Task<HttpStatusCode> Ingest(int client, long n, CancellationToken token) =>
            IngestBenchmark.PostAsync(http, server.Url, $"BENCH-{run}-{client}-{n}", IngestBenchmark.Comments[n % IngestBenchmark.Comments.Length], token);
        async Task<HttpStatusCode> Rate(int client, long n, CancellationToken token)
        {
            var comment = $"RATE-{run} {IngestBenchmark.Comments[n % IngestBenchmark.Comments.Length]}";
            var (status, bytes) = await RateOnceAsync(http, server.Url, tokens[(int)((client + n) % tokens.Count)], comment, token);
            Interlocked.Exchange(ref pageBytes, bytes);
            return status;
        }

        var (api, qr) = await MeasureAsync(server, clients, TimeSpan.FromSeconds(Math.Max(1, seconds / 2)), Ingest, Rate, ct);
        var stored = await cluster.CountAsync($"SELECT count(*) FROM evaluations WHERE channel = 'qr' AND comment LIKE 'RATE-{run} %'", ct);
        var tracking = await MeasureTrackingAsync(cluster, server, http, clients, TimeSpan.FromSeconds(Math.Max(1, seconds / 2)), run, ct);
        Console.WriteLine(Report(clients, api, qr, Interlocked.Read(ref pageBytes), stored) + tracking);
        // The warm-up's ratings are stored too, so there may be more rows than measured acknowledgements, never fewer.
        return stored >= qr.Load.Acknowledged ? 0 : 1;
    }

    /// <summary>Warm-up, then API and QR runs in the order ABBA: the tables grow during the run, so drift stays out of the ratio.</summary>
    private static async Task<(Measured Ingest, Measured Rate)> MeasureAsync(ServerProcess server, int clients, TimeSpan half,
        Func<int, long, CancellationToken, Task<HttpStatusCode>> ingest, Func<int, long, CancellationToken, Task<HttpStatusCode>> rate, CancellationToken ct)
    {
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, half.TotalSeconds));
        Console.Error.WriteLine($"bench rate: warm-up {warmUp.TotalSeconds} s of each path…");
        await LoadGenerator.RunAsync(clients, warmUp, (c, n, t) => ingest(c + 1000, n, t), HttpStatusCode.Created, ct);
        await LoadGenerator.RunAsync(clients, warmUp, rate, HttpStatusCode.OK, ct);
        var runs = new List<(bool Qr, LoadResult Load, TimeSpan ServerCpu)>();
        foreach (var qr in new[] { false, true, true, false })
        {
            Console.Error.WriteLine($"bench rate: {(qr ? "GET /r/{token} + POST" : "POST /api/evaluations")}, {clients} clients, {half.TotalSeconds} s…");
            var cpu = server.CpuTime();
            var load = await LoadGenerator.RunAsync(clients, half, qr ? rate : ingest, qr ? HttpStatusCode.OK : HttpStatusCode.Created, ct);
            runs.Add((qr, load, server.CpuTime() - cpu));
        }
        Measured Of(bool qr) => new(LoadResult.Combine(runs.Where(r => r.Qr == qr).Select(r => r.Load)),
            runs.Where(r => r.Qr == qr).Sum(r => r.ServerCpu.TotalMicroseconds));
        return (Of(false), Of(true));
    }

    /// <summary>
    /// GET /t/{token} at <paramref name="clients"/> clients over 200 tracking links: half of 差评 with their case (the
    /// fuller page: case steps and times), half of good ratings. Returns the report's rows.
    /// </summary>
    private static async Task<string> MeasureTrackingAsync(BenchCluster cluster, ServerProcess server, HttpClient http, int clients, TimeSpan duration, string run, CancellationToken ct)
    {
        for (var n = 0; n < 100; n++)
        {
            var json = $$"""{"caseNumber":"TRACK-{{run}}-{{n}}","channel":"qr","rating":1,"reasonCodes":[],"comment":"跑了三次","departmentCode":"D01","windowCode":"W001","staffCode":"S001","serviceItemCode":"I001"}""";
            using var response = await http.PostAsync($"{server.Url}/api/evaluations", new StringContent(json, Encoding.UTF8, "application/json"), ct);
            response.EnsureSuccessStatusCode();
        }
        var paths = await TrackingPathsAsync(cluster.ConnectionString, run, ct);
        async Task<HttpStatusCode> View(int client, long n, CancellationToken token)
        {
            using var response = await http.GetAsync($"{server.Url}{paths[(int)((client * 7 + n) % paths.Count)]}", HttpCompletionOption.ResponseContentRead, token);
            return response.StatusCode;
        }
        Console.Error.WriteLine($"bench rate: GET /t/{{token}}, {clients} clients, warm-up 3 s, then {duration.TotalSeconds} s…");
        await LoadGenerator.RunAsync(clients, TimeSpan.FromSeconds(3), View, HttpStatusCode.OK, ct);
        var cpu = server.CpuTime();
        var load = await LoadGenerator.RunAsync(clients, duration, View, HttpStatusCode.OK, ct);
        var perView = (server.CpuTime() - cpu).TotalMicroseconds / Math.Max(1, load.Acknowledged);
        return $"| tracking page GET /t/{{token}}, {clients} clients | {load.PerSecond:N0} pages/s, p50 {load.P50Ms:F1} ms, p99 {load.P99Ms:F1} ms (target p99 ≤ 20 ms), {load.Failed:N0} failures |\n"
            + $"| server CPU per tracking page | {perView:N0} µs |\n";
    }

    /// <summary>Tracking links of the run's 100 差评 (each with its case) and of 100 of its QR ratings.</summary>
    private static async Task<List<string>> TrackingPathsAsync(string connectionString, string run, CancellationToken ct)
    {
        await using var app = await ToolHost.StartAsync(ct, connectionString);
        var links = app.Services.GetRequiredService<TrackingLinks>();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand($"""
            (SELECT e.id FROM evaluations e JOIN cases c ON c.evaluation_id = e.id WHERE e.case_number LIKE 'TRACK-{run}-%')
            UNION ALL (SELECT id FROM evaluations WHERE channel = 'qr' AND comment LIKE 'RATE-{run} %' LIMIT 100)
            """, connection);
        var ids = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                ids.Add(reader.GetInt64(0));
        var paths = new List<string>();
        foreach (var id in ids)
            paths.Add((await links.ForAsync(id, ct)).Path);
        return paths;
    }

    /// <summary>A path's load result and the server's CPU time spent meanwhile.</summary>
    private sealed record Measured(LoadResult Load, double ServerCpuMicroseconds)
    {
        public double CpuPerOperation => ServerCpuMicroseconds / Math.Max(1, Load.Acknowledged);
    }

    private static string Report(int clients, Measured ingest, Measured rate, long pageBytes, long stored)
    {
        var (api, qr) = (ingest.Load, rate.Load);
        return new StringBuilder()
            .AppendLine("| measure | value |").AppendLine("|---|---|")
            .AppendLine($"| POST /api/evaluations, {clients} clients | {api.PerSecond:N0} durable evaluations/s, p50 {api.P50Ms:F1} ms, p99 {api.P99Ms:F1} ms |")
            .AppendLine($"| QR rating (GET /r/{{token}} + form POST), {clients} clients | {qr.PerSecond:N0} ratings/s, p50 {qr.P50Ms:F1} ms, p99 {qr.P99Ms:F1} ms |")
            .AppendLine($"| ratio QR / API | {qr.PerSecond / api.PerSecond:F2} (target ≥ 0.5) |")
            .AppendLine($"| server CPU per API rating / per QR rating | {ingest.CpuPerOperation:N0} µs / {rate.CpuPerOperation:N0} µs |")
            .AppendLine($"| rating page (first load, one request) | {pageBytes:N0} bytes |")
            .AppendLine($"| QR ratings acknowledged / stored / failures | {qr.Acknowledged:N0} / {stored:N0} (warm-up included) / {qr.Failed:N0} |")
            .ToString();
    }

    /// <summary>One citizen: a new phone (no cookies) opens the page, then posts the form with the cookies it was given.</summary>
    private static async Task<(HttpStatusCode Status, long PageBytes)> RateOnceAsync(HttpClient http, string url, string token, string comment, CancellationToken ct)
    {
        using var page = await http.GetAsync($"{url}/r/{token}", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var cookies = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/r/{token}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(FormToken().Match(html).Groups[1].Value),
                ["assess"] = "1", ["rating"] = "5", ["comment"] = comment,
            }),
        };
        request.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, page.Content.Headers.ContentLength ?? Encoding.UTF8.GetByteCount(html));
    }

    private static async Task<List<string>> PosterTokensAsync(string connectionString, CancellationToken ct)
    {
        await using var app = await ToolHost.StartAsync(ct, connectionString);
        var keys = app.Services.GetRequiredService<QrKeyRing>();
        var tokens = new List<string>();
        foreach (var window in await app.Services.GetRequiredService<QrPlaces>().AllWindowsAsync(ct))
        {
            tokens.Add(await keys.SignAsync(QrLink.Poster(window.WindowCode), ct));
        }
        return tokens;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
