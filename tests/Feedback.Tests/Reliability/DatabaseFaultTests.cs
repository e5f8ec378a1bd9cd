using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Npgsql;

namespace Feedback.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped under load, a server killed under load, and a server started while the database is down, on the fault tests' own cluster. Figures go to
/// the test output (docs/reliability.md quotes them).
/// </summary>
[Collection(FaultCluster.Name)]
public sealed class DatabaseFaultTests(FaultCluster cluster)
{
    private const int Clients = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("immediate", 2)]
    [InlineData("fast", 2)]
    [InlineData("fast", 30)]
    public async Task Ratings_PostgresStoppedUnderLoad_EveryAcknowledgedRatingStoredOnceAndNo500(string mode, int downSeconds)
    {
        var (connectionString, key) = await cluster.CreateDatabaseAsync("faults_stop", prepared: true, Ct);
        await using var server = await WebProcess.StartServerAsync(connectionString, Ct);
        var load = new RatingLoad(server.Url, key!, Clients);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await cluster.Server.StopAsync(mode);
        await Task.Delay(TimeSpan.FromSeconds(downSeconds), Ct);
        await cluster.Server.StartAgainAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await stop.CancelAsync();
        var figures = await running;
        var (lost, duplicated) = await load.CheckStoredAsync(connectionString, Ct);

        Report(
            $"pg_ctl stop -m {mode}, down {downSeconds} s, {Clients} clients: attempts {figures.Attempts}, acknowledged {figures.Acknowledged}, " +
            $"lost {lost}, duplicates {duplicated}, errors over {figures.ErrorSeconds:F1} s, codes {string.Join(", ", figures.Codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))}");
        Assert.True(figures.Acknowledged > 0);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        Assert.All(figures.Codes.Keys, code => Assert.Contains(code, new[] { "201", "200", "503", "cut" }));
        Assert.True(figures.Codes.ContainsKey("503"), "the outage was seen as 503");
        Assert.Equal(0, figures.UnavailableWithoutRetryAfter);
        AssertNoStackTrace(server);
    }

    [Fact]
    public async Task Ratings_ServerKilledUnderLoadAndReplaced_EveryAcknowledgedRatingStoredOnce()
    {
        var (connectionString, key) = await cluster.CreateDatabaseAsync("faults_kill", prepared: true, Ct);
        await using var server = await WebProcess.StartServerAsync(connectionString, Ct);
        var current = server.Url;
        var load = new RatingLoad(() => Volatile.Read(ref current), key!, Clients);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await server.KillAsync();
        var clock = Stopwatch.StartNew();
        await using var replacement = await WebProcess.StartServerAsync(connectionString, Ct);
        var restart = clock.Elapsed;
        Volatile.Write(ref current, replacement.Url);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await stop.CancelAsync();
        var figures = await running;
        var (lost, duplicated) = await load.CheckStoredAsync(connectionString, Ct);
        var storedTwice = await CountAsync(connectionString,
            "SELECT count(*) FROM (SELECT case_number FROM evaluations WHERE case_number IS NOT NULL GROUP BY case_number HAVING count(*) > 1) d");

        Report(
            $"kill -9 under load, replacement healthy after {restart.TotalSeconds:F1} s, {Clients} clients: attempts {figures.Attempts}, acknowledged {figures.Acknowledged}, " +
            $"lost {lost}, duplicates {duplicated}, stored twice {storedTwice}, errors over {figures.ErrorSeconds:F1} s, codes {string.Join(", ", figures.Codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))}");
        Assert.True(figures.Acknowledged > 0);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        Assert.Equal(0, storedTwice);
        Assert.All(figures.Codes.Keys, code => Assert.Contains(code, new[] { "201", "200", "503", "cut" }));
        Assert.True(figures.Codes.ContainsKey("cut"), "the kill cut requests");
        AssertNoStackTrace(replacement);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task Serve_StartedWhileTheDatabaseIsDown_AnswersUnhealthyAndServesOnceItIsUp(string migrateOnStart)
    {
        var (connectionString, key) = await cluster.CreateDatabaseAsync("faults_start", prepared: true, Ct);
        await cluster.Server.StopAsync("fast");
        var clock = Stopwatch.StartNew();
        await using var server = WebProcess.Launch(connectionString, new Dictionary<string, string>
        {
            ["Database__MigrateOnStart"] = migrateOnStart,
            ["Database__MaxRetryDelay"] = "00:00:02",
        });
        using var monitor = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(5) };
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var health = await WaitForAnswerAsync(monitor, "/health");
        var healthBody = await health.Content.ReadAsStringAsync(Ct);
        using var api = await http.GetAsync("/api/evaluations", Ct);
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        var stillRunning = !server.HasExited;
        await cluster.Server.StartAgainAsync();
        var restarted = clock.Elapsed;
        await server.WaitUntilHealthyAsync(Ct);
        var ready = clock.Elapsed - restarted;
        using var post = await http.PostAsJsonAsync("/api/evaluations", TestRatings.Valid(), Ct);

        var attempts = server.Log.Count(line => line.Contains("Database unreachable at start", StringComparison.Ordinal));
        Report(
            $"MigrateOnStart={migrateOnStart}: {attempts} logged attempts while down, healthy {ready.TotalSeconds:F1} s after the database came back; /health meanwhile: {healthBody}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("Waiting for the database", healthBody);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.True(stillRunning, "the server waits rather than exits");
        Assert.InRange(attempts, 2, 20);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        AssertNoStackTrace(server);
    }

    // Also kept in a file beside the test run, since passing tests' output is not shown.
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "feedback-fault-figures.txt"), $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<HttpResponseMessage> WaitForAnswerAsync(HttpClient http, string path)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await http.GetAsync(path, Ct);
            }
            catch (HttpRequestException) when (i < 200)
            {
                await Task.Delay(100, Ct);
            }
        }
    }

    // An outage is one line per event in the log, not a stack trace per request.
    private static void AssertNoStackTrace(WebProcess server)
    {
        var traced = server.Log.Any(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.False(traced, "a stack trace in the log:\n" + string.Join('\n', server.Log.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(40)));
    }
}
