using Feedback.Web.Jobs;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>
/// Runs the deadline sweep on this server's own timer (<see cref="ServerTimer"/>). It is safe to run on every server
/// at once: cases are taken FOR UPDATE SKIP LOCKED and each alert is recorded under a unique key. The watchdog checks
/// the sweep every interval.
/// </summary>
internal sealed class EnforcementService(DeadlineSweep sweep, SweepWatchdog watchdog, TimeProvider time,
    IOptions<CaseOptions> cases, ILogger<EnforcementService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        ServerTimer.RepeatAsync("Deadline sweep", cases.Value.SweepInterval, async ct =>
        {
            await sweep.RunAsync(ct);
            watchdog.Completed();
        }, time, logger, stoppingToken),
        ServerTimer.RepeatAsync("Sweep watchdog", cases.Value.SweepInterval, watchdog.CheckAsync, time, logger, stoppingToken));
}
