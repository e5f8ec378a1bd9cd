using Feedback.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>
/// Runs the deadline sweep and the outbox delivery on this server's own timers, not as Hangfire recurring jobs: a
/// server killed while holding Hangfire's recurring-jobs lock would otherwise stop them on every server until the
/// lock expires. Both are safe to run on every server at once (rows are taken FOR UPDATE SKIP LOCKED and each
/// alert and delivery is recorded under a unique key). The watchdog checks the sweep every interval.
/// </summary>
internal sealed class EnforcementService(DeadlineSweep sweep, NotificationDelivery delivery, SweepWatchdog watchdog, TimeProvider time,
    IOptions<CaseOptions> cases, IOptions<NotificationOptions> notifications, ILogger<EnforcementService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        RepeatAsync("Deadline sweep", cases.Value.SweepInterval, async ct =>
        {
            await sweep.RunAsync(ct);
            watchdog.Completed();
        }, stoppingToken),
        RepeatAsync("Notification delivery", notifications.Value.DeliveryInterval, delivery.RunAsync, stoppingToken),
        RepeatAsync("Sweep watchdog", cases.Value.SweepInterval, watchdog.CheckAsync, stoppingToken));

    private async Task RepeatAsync(string name, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken ct)
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
