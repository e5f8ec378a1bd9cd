using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Feedback.Web.Accounts;
using Feedback.Web.Cli;
using Feedback.Web.Infrastructure;
using Npgsql;

namespace Feedback.Bench;

/// <summary>
/// `bench pages`: the officers' pages on a large history (default 20,000,000 ratings and a case per 差评, about
/// 1,000,000), each page requested over HTTP from the shipped `serve` process by a signed-in quality officer, beside
/// the bare SQL that reads the same rows, in one run. The export is timed end to end with the server's peak RSS.
/// </summary>
internal static partial class PagesBenchmark
{
    public static Command CreateCommand()
    {
        var ratings = new Option<long>("--ratings") { Description = "Ratings of history (5 % are 差评 with a case).", DefaultValueFactory = _ => 20_000_000 };
        var requests = new Option<int>("--requests") { Description = "Measured requests per page (after 10 warm-ups).", DefaultValueFactory = _ => 100 };
        var exportRows = new Option<int>("--export-rows") { Description = "Cases in the exported list.", DefaultValueFactory = _ => 100_000 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the cluster in this directory and reuse it next time (loaded once, if it has no cases yet)." };
        var hold = new Option<bool>("--hold") { Description = "After measuring, keep the server and its database running (until Ctrl+C) to try them with other tools." };
        var command = new Command("pages", "Case list, search, case page and export on a large history vs the bare SQL of the same rows.") { ratings, requests, exportRows, dataDir, hold };
        command.SetAction((result, ct) => ToolHost.RunAsync(() =>
            RunAsync(result.GetValue(ratings), Math.Max(1, result.GetValue(requests)), result.GetValue(exportRows), result.GetValue(dataDir), result.GetValue(hold), ct)));
        return command;
    }

    private static async Task<int> RunAsync(long ratings, int requests, int exportRows, string? dataDir, bool hold, CancellationToken ct)
    {
        Console.Error.WriteLine("bench pages: starting PostgreSQL (a throwaway cluster unless --data-dir)…");
        await using var cluster = await BenchCluster.StartAsync(ct, dataDir);
        await LoadOnceAsync(cluster, ratings, ct);
        ratings = await cluster.CountAsync("SELECT count(*) FROM evaluations", ct);
        var cases = await cluster.CountAsync("SELECT count(*) FROM cases", ct);
        await using var server = await ServerProcess.StartAsync(LoopbackPort.Free(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Feedback"] = cluster.ConnectionString,
            ["Jobs__RunServer"] = "false",
        }, ct);
        using var http = await SignInAsync(server.Url, ct);
        var scenarios = await PagesBenchScenarios.CreateAsync(cluster, http, server.Url, exportRows, ct);
        var loadBefore = LoadAverage();
        var rows = await MeasurePagesAsync(scenarios, http, requests, ct);
        var (export, exportBare, bytes) = await scenarios.ExportAsync(ct);
        rows.Add($"| export .xlsx of {exportRows:N0} cases | {export.TotalSeconds:F1} s ({bytes / 1024.0 / 1024.0:F1} MB) | {exportBare.TotalSeconds:F1} s | {export / exportBare:F1} | ≤ 10 s, RSS < 400 MB |");
        Console.WriteLine($"""
            {ratings:N0} ratings, {cases:N0} cases; {requests} requests per page, one client, signed-in quality officer.

            | page | page p50 / p95 | bare SQL p50 / p95 | ratio p95 | target |
            |---|---|---|---|---|
            {string.Join('\n', rows)}

            server peak RSS over the run: {server.PeakRss() / 1024.0 / 1024.0:N0} MB; machine load average (1 min) {loadBefore} before, {LoadAverage()} after
            """);
        if (hold)
            await HoldAsync(server.Url, ct);
        return 0;
    }

    /// <summary>Loads the history and the officer into a new cluster; a kept one (--data-dir) is used as it is.</summary>
    private static async Task LoadOnceAsync(BenchCluster cluster, long ratings, CancellationToken ct)
    {
        if (await cluster.CountAsync("SELECT count(*) FROM cases", ct) > 0)
            return;
        var load = Stopwatch.StartNew();
        await PagesBenchData.LoadAsync(cluster, ratings, DateTimeOffset.UtcNow, ct);
        await CreateOfficerAsync(cluster.ConnectionString, ct);
        Console.Error.WriteLine($"bench pages: {ratings:N0} ratings loaded in {load.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<List<string>> MeasurePagesAsync(PagesBenchScenarios scenarios, HttpClient http, int requests, CancellationToken ct)
    {
        var rows = new List<string>();
        foreach (var scenario in scenarios.Pages)
        {
            Console.Error.WriteLine($"bench pages: {scenario.Name}…");
            try
            {
                var page = await MeasureAsync(requests, i => GetAsync(http, scenario.Url(i), ct));
                var bare = await MeasureAsync(requests, i => scenarios.BareAsync(scenario.Sql(i), ct));
                rows.Add($"| {scenario.Name} | {page.P50:F1} / {page.P95:F1} ms | {bare.P50:F1} / {bare.P95:F1} ms | {page.P95 / bare.P95:0.0#} | {scenario.Target} |");
            }
            catch (Exception e) when (e is InvalidOperationException or NpgsqlException or HttpRequestException or TaskCanceledException)
            {
                // One page failing says something about that page; the others are still worth measuring.
                rows.Add($"| {scenario.Name} | failed: {e.Message} | | | {scenario.Target} |");
            }
        }
        return rows;
    }

    // Other work on the machine skews every figure; the load says how much there was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static async Task HoldAsync(string url, CancellationToken ct)
    {
        Console.Error.WriteLine($"bench pages: serving {url} (sign in as bench.quality, password \"{Password}\") until Ctrl+C");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends the hold; the server and the cluster are removed as usual.
        }
    }

    private static async Task CreateOfficerAsync(string connectionString, CancellationToken ct)
    {
        await using var app = await ToolHost.StartAsync(ct, connectionString);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateAsync(new NewUser("bench.quality", "压测质量专员", Roles.QualityOfficer, null, Password), ct);
    }

    private const string Password = "bench pages password";

    private static async Task<HttpClient> SignInAsync(string url, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2),
        };
        var form = await http.GetStringAsync("/signin", ct);
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var response = await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "bench.quality", ["password"] = Password, ["returnUrl"] = "/",
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
        return http;
    }

    private static async Task GetAsync(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
    }

    private static async Task<Timings> MeasureAsync(int requests, Func<int, Task> request)
    {
        for (var i = 0; i < 10; i++)
            await request(-1 - i);
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await request(i);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return new(times[requests / 2], times[Math.Min(requests - 1, (int)(requests * 0.95))]);
    }

    private sealed record Timings(double P50, double P95);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
