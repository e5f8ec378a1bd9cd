using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.ApiKeys;
using Feedback.Web.Cli;
using Feedback.Web.Data;
using Feedback.Web.Demo;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Evaluations;

/// <summary>
/// The server is killed (SIGKILL) under load: an acknowledged rating must survive, and a client that got no answer
/// may send again without creating a second row.
/// </summary>
public sealed class CrashTests
{
    private const int Clients = 16;
    private const int KillAfterAcknowledged = 1500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_KilledUnderLoad_KeepsEveryAcknowledgedRatingAndStoresEachRetryOnce()
    {
        var (connectionString, key) = await CreateDatabaseAsync();
        var load = new Load("K" + Guid.NewGuid().ToString("N")[..10] + "-", KillAfterAcknowledged);

        await RunAndKillServerAsync(connectionString, key, load);
        await using var restarted = await WebProcess.StartServerAsync(connectionString, Ct);
        var afterCrash = await StoredAsync(connectionString, load.Prefix);
        using var http = Client(restarted.Url, key);
        var retries = await SendAgainAsync(http, load.Unanswered);
        var afterRetry = await StoredAsync(connectionString, load.Prefix);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"acknowledged {load.Answered.Count}, unanswered {load.Unanswered.Count} of which stored before the kill {retries.Count(r => r.Status == HttpStatusCode.OK)}");

        Assert.Empty(load.Unexpected);
        Assert.NotEmpty(load.Unanswered);
        Assert.Empty(Duplicates(afterCrash));
        Assert.Empty(Duplicates(afterRetry));
        var crashIds = afterCrash.ToDictionary(r => r.CaseNumber, r => r.Id);
        Assert.All(load.Answered, a => Assert.Equal(a.Value, crashIds.GetValueOrDefault(a.Key)));
        Assert.All(retries, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"{r.CaseNumber}: {(int)r.Status}"));
        // 200 exactly for a rating committed before the kill whose answer was lost, with the id stored then.
        Assert.All(retries, r => Assert.Equal(r.Status == HttpStatusCode.OK ? r.Id : null, crashIds.TryGetValue(r.CaseNumber, out var id) ? id : null));
        var retryIds = afterRetry.ToDictionary(r => r.CaseNumber, r => r.Id);
        Assert.All(retries, r => Assert.Equal(r.Id, retryIds.GetValueOrDefault(r.CaseNumber)));
        Assert.Equal(load.Answered.Count + load.Unanswered.Count, afterRetry.Count);
    }

    private static async Task RunAndKillServerAsync(string connectionString, string key, Load load)
    {
        await using var server = await WebProcess.StartServerAsync(connectionString, Ct);
        using var http = Client(server.Url, key);
        var clients = Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => load.SendUntilNoAnswerAsync(http)));
        await Task.WhenAny(load.KillPoint, clients).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.True(load.KillPoint.IsCompleted, $"The load stopped before the kill point: {string.Join("; ", load.Unexpected.Take(3))}");
        await server.KillAsync();
        await clients;
    }

    /// <summary>Clients that each send new ratings until the server stops answering.</summary>
    private sealed class Load(string prefix, int killAfter)
    {
        private readonly TaskCompletionSource _killPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _next;

        public string Prefix => prefix;
        public Task KillPoint => _killPoint.Task;
        public ConcurrentDictionary<string, long> Answered { get; } = new();
        public ConcurrentBag<string> Unanswered { get; } = [];
        public ConcurrentBag<string> Unexpected { get; } = [];

        public async Task SendUntilNoAnswerAsync(HttpClient http)
        {
            while (true)
            {
                var caseNumber = prefix + Interlocked.Increment(ref _next);
                HttpResponseMessage response;
                try
                {
                    response = await http.PostRatingAsync(TestRatings.Valid(caseNumber));
                }
                catch (HttpRequestException)
                {
                    // Refused, reset or cut off mid-answer: the client cannot know whether it was stored.
                    Unanswered.Add(caseNumber);
                    return;
                }
                using (response)
                {
                    if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                    {
                        Unexpected.Add($"{caseNumber}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        return;
                    }
                    Answered[caseNumber] = (await response.Content.ReadFromJsonAsync<EvaluationResponse>())!.Id;
                    if (Answered.Count >= killAfter)
                    {
                        _killPoint.TrySetResult();
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Duplicates(List<(string CaseNumber, short AssessNumber, long Id)> rows) =>
        rows.GroupBy(r => (r.CaseNumber, r.AssessNumber)).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} rows");

    private sealed record Retry(string CaseNumber, HttpStatusCode Status, long? Id);

    private static async Task<Retry[]> SendAgainAsync(HttpClient http, IEnumerable<string> caseNumbers)
    {
        using var gate = new SemaphoreSlim(Clients);
        return await Task.WhenAll(caseNumbers.Select(async caseNumber =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                using var response = await http.PostRatingAsync(TestRatings.Valid(caseNumber));
                var stored = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct) : null;
                return new Retry(caseNumber, response.StatusCode, stored?.Id);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>This test's stored ratings, read straight from the database.</summary>
    private static async Task<List<(string CaseNumber, short AssessNumber, long Id)>> StoredAsync(string connectionString, string prefix)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT case_number, assess_number, id FROM evaluations WHERE starts_with(case_number, $1)");
        command.Parameters.Add(new() { Value = prefix });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, short, long)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetString(0), reader.GetInt16(1), reader.GetInt64(2)));
        }
        return rows;
    }

    private static HttpClient Client(string url, string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return http;
    }

    /// <summary>A fresh database with the schema, the demo organisation and an ingest key, as an operator would set it up.</summary>
    private static async Task<(string ConnectionString, string IngestKey)> CreateDatabaseAsync()
    {
        var connectionString = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync("crash");
        await using var app = await ToolHost.StartAsync(Ct, connectionString, TestKeys.Master);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await DemoSeeder.SeedOrganizationAsync(db, Ct);
        var key = await ApiKeyService.CreateAsync(db, "crash-test", ApiKeyScopes.Ingest, TimeProvider.System, Ct);
        return (connectionString, key);
    }
}
