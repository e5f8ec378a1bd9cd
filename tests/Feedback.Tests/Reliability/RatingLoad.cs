using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.ApiKeys;
using Npgsql;

namespace Feedback.Tests.Reliability;

/// <summary>What a load run saw: answers by status code ("cut" for a request without an answer), timings of errors.</summary>
public sealed record LoadFigures(int Attempts, int Acknowledged, IReadOnlyDictionary<string, int> Codes, double ErrorSeconds, int UnavailableWithoutRetryAfter);

/// <summary>
/// Clients that post ratings as the README tells a client to: each rating is retried with the same
/// caseNumber+assessNumber on 503 or a cut connection until it is acknowledged with 201 or 200.
/// </summary>
public sealed class RatingLoad(Func<string> url, string key, int clients)
{
    public RatingLoad(string url, string key, int clients)
        : this(() => url, key, clients)
    {
    }

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, int> _codes = new();
    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly ConcurrentBag<double> _errorAt = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _attempts;
    private int _withoutRetryAfter;

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    /// <summary>Posts until <paramref name="stop"/>; a rating under way then is still retried to its acknowledgement (at most 60 s).</summary>
    public async Task<LoadFigures> RunAsync(CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ClientAsync(stop)));
        var errors = _errorAt.ToList();
        var span = errors.Count == 0 ? 0 : errors.Max() - errors.Min();
        return new(_attempts, _acknowledged.Count, new Dictionary<string, int>(_codes), span, _withoutRetryAfter);
    }

    private async Task ClientAsync(CancellationToken stop)
    {
        // No base address: a test may move the load to a replacement server (url() is read for every request).
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        while (!stop.IsCancellationRequested)
        {
            var caseNumber = TestRatings.NewCaseNumber();
            var giveUp = _clock.Elapsed + TimeSpan.FromSeconds(60);
            while (_clock.Elapsed < giveUp && !await PostAsync(http, caseNumber))
                await Task.Delay(RetryPause, CancellationToken.None);
        }
    }

    private async Task<bool> PostAsync(HttpClient http, string caseNumber)
    {
        Interlocked.Increment(ref _attempts);
        string code;
        try
        {
            using var response = await http.PostAsJsonAsync($"{url()}/api/evaluations", TestRatings.Valid(caseNumber), CancellationToken.None);
            code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
                Interlocked.Increment(ref _withoutRetryAfter);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                _codes.AddOrUpdate(code, 1, (_, n) => n + 1);
                _acknowledged.Add(caseNumber);
                return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            code = "cut";
        }
        _codes.AddOrUpdate(code, 1, (_, n) => n + 1);
        _errorAt.Add(_clock.Elapsed.TotalSeconds);
        // Only 503 and cut connections are retried; anything else is a failure the test reports.
        return code is not ("503" or "cut");
    }

    /// <summary>How many rows each acknowledged case number has in the database: exactly one each, or a loss or duplicate.</summary>
    public async Task<(int Lost, int Duplicated)> CheckStoredAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1)
            FROM (SELECT a, (SELECT count(*) FROM evaluations e WHERE e.case_number = a) n FROM unnest($1::text[]) a) x
            """, connection);
        command.Parameters.Add(new() { Value = _acknowledged.Distinct().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
