namespace Feedback.Web.Jobs;

/// <summary>
/// Work that each job server runs on its own timer rather than as a Hangfire recurring job: a server killed while
/// holding Hangfire's recurring-jobs lock would otherwise stop it on every server until the lock expires.
/// </summary>
internal static class ServerTimer
{
    /// <summary>Runs <paramref name="work"/> now and then every <paramref name="interval"/>; a failed pass is logged and the next one runs.</summary>
    public static async Task RepeatAsync(string name, TimeSpan interval, Func<CancellationToken, Task> work, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        // Off the host's start-up path: the first pass runs once the host has started.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    await work(ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // One line a pass: during a database outage this repeats every interval, a stack trace each time would drown the log.
                    logger.LogWarning("{Work} failed: {Error}", name, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
