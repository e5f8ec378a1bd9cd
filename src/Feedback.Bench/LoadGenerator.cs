using System.Diagnostics;
using System.Net;

namespace Feedback.Bench;

internal sealed record LoadResult(long Acknowledged, long Failed, double Seconds, double[] SortedLatenciesMs)
{
    public double PerSecond => Acknowledged / Seconds;
    public double P50Ms => Percentile(0.50);
    public double P99Ms => Percentile(0.99);

    /// <summary>Several runs of the same configuration as one.</summary>
    public static LoadResult Combine(IEnumerable<LoadResult> runs)
    {
        var list = runs.ToList();
        return new(list.Sum(r => r.Acknowledged), list.Sum(r => r.Failed), list.Sum(r => r.Seconds),
            [.. list.SelectMany(r => r.SortedLatenciesMs).Order()]);
    }

    private double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? 0 : SortedLatenciesMs[(int)Math.Min(SortedLatenciesMs.Length - 1, p * SortedLatenciesMs.Length)];
}

/// <summary>Closed-loop load: each client sends its next request when the previous one is answered.</summary>
internal static class LoadGenerator
{
    public static HttpClient CreateClient(int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Runs <paramref name="clients"/> loops for <paramref name="duration"/>; a request counts when it returns <paramref name="success"/>.</summary>
    public static async Task<LoadResult> RunAsync(
        int clients, TimeSpan duration, Func<int, long, CancellationToken, Task<HttpStatusCode>> send, HttpStatusCode success, CancellationToken ct)
    {
        var latencies = new List<double>[clients];
        long failed = 0;
        var clock = Stopwatch.StartNew();
        var end = duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(1 << 16);
            for (long n = 0; clock.Elapsed < end && !ct.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                HttpStatusCode status;
                try
                {
                    status = await send(client, n, ct);
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                if (status == success) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else Interlocked.Increment(ref failed);
            }
        }, ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, failed, seconds, all);
    }
}
