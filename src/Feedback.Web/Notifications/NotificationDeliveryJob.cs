using Hangfire;

namespace Feedback.Web.Notifications;

/// <summary>The recurring Hangfire job that runs <see cref="NotificationDelivery"/>.</summary>
public sealed class NotificationDeliveryJob(NotificationDelivery delivery)
{
    public const string Id = "notification-delivery";

    // Retries are the outbox's own (per message, with back-off); the next run comes within seconds.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken ct) => await delivery.RunAsync(ct);
}
