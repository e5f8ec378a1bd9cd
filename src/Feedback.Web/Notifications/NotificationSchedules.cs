using Feedback.Web.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Notifications;

/// <summary>
/// Where the job server runs: delivers the outbox on this server's own timer (<see cref="ServerTimer"/>). Safe on
/// every server at once, since a batch is taken FOR UPDATE SKIP LOCKED. Delivery used to be the Hangfire recurring job
/// "notification-delivery"; its entry is removed so that a database upgraded in place does not keep queueing it.
/// </summary>
internal sealed class NotificationSchedules(NotificationDelivery delivery, IRecurringJobManager jobs, IHostApplicationLifetime lifetime,
    TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationSchedules> logger) : BackgroundService
{
    private const string Retired = "notification-delivery";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RecurringRegistration.Apply($"remove the retired job {Retired}", () => jobs.RemoveIfExists(Retired), logger, lifetime.ApplicationStopping);
        return ServerTimer.RepeatAsync("Notification delivery", options.Value.DeliveryInterval, delivery.RunAsync, time, logger, stoppingToken);
    }
}
