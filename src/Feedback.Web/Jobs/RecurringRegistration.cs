using Hangfire.PostgreSql;
using Hangfire.Storage;

namespace Feedback.Web.Jobs;

/// <summary>
/// Registering or removing a recurring job takes Hangfire's distributed lock on it. A process killed while holding that
/// lock leaves it behind until <c>Jobs:DistributedLockTimeout</c> passes, and the start of every other process would
/// then fail on it. So a lock that cannot be had is not fatal: the change is retried in the background until it is made.
/// </summary>
internal static class RecurringRegistration
{
    public static void Apply(string what, Action change, ILogger logger, CancellationToken stopping)
    {
        if (TryApply(what, change, logger))
            return;
        _ = Task.Run(async () =>
        {
            // Each attempt already waits for the lock (Hangfire's own timeout), so a short pause between them is enough.
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                if (TryApply(what, change, logger))
                    return;
            }
        }, CancellationToken.None);
    }

    private static bool TryApply(string what, Action change, ILogger logger)
    {
        try
        {
            change();
            return true;
        }
        catch (Exception ex) when (ex is PostgreSqlDistributedLockException or DistributedLockTimeoutException)
        {
            logger.LogWarning("Could not {What} yet: its lock is held, perhaps by a process that stopped; retrying in the background", what);
            return false;
        }
    }
}
