using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Notifications;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases;

/// <summary>
/// Registers the deadline sweep and the outbox delivery as recurring jobs. Every server process does this on start
/// (AddOrUpdate is idempotent); Hangfire's distributed lock makes each occurrence run once across all of them.
/// </summary>
internal sealed class CaseJobSchedules(IRecurringJobManager jobs, IOptions<CaseOptions> cases, IOptions<NotificationOptions> notifications) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.Id, job => job.RunAsync(CancellationToken.None), cases.Value.SweepCron);
        jobs.AddOrUpdate<NotificationDeliveryJob>(NotificationDeliveryJob.Id, job => job.RunAsync(CancellationToken.None), notifications.Value.DeliveryCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
