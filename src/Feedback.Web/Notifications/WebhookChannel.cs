using Microsoft.Extensions.Options;

namespace Feedback.Web.Notifications;

/// <summary>
/// The webhook (<see cref="WebhookSender"/>), when <see cref="NotificationOptions.WebhookUrl"/> is set: a copy of every
/// event, sent at least once. While the receiver is down, one failure is enough to stop trying the rest until the next run.
/// </summary>
internal sealed class WebhookChannel(WebhookSender sender, IOptions<NotificationOptions> options) : INotificationChannel
{
    public string Name => NotificationTargets.Webhook;

    public bool Enabled => options.Value.WebhookEnabled;

    public IEnumerable<string> CopiesFor(IReadOnlyList<string> audience) => Enabled ? [NotificationTargets.Webhook] : [];

    public async Task<ChannelResult> SendAsync(OutboxBatch outbox, IReadOnlyList<Notification> messages, CancellationToken ct)
    {
        var results = new List<DeliveryResult>();
        foreach (var message in messages)
        {
            var error = await sender.SendAsync(message, ct);
            results.Add(new(message, error));
            if (error is not null)
                return new(results, Down: true);
        }
        return new(results);
    }
}
