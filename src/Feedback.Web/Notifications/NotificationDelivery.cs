using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Notifications;

/// <summary>
/// Delivers the outbox. Inbox messages are written in the same transaction that marks them delivered, so they
/// arrive exactly once. Webhook calls are retried with back-off until <see cref="NotificationOptions.MaxAttempts"/>;
/// while the receiver is down, one failure per run is enough to stop trying the rest until the next run.
/// </summary>
public sealed class NotificationDelivery(NpgsqlDataSource dataSource, WebhookSender webhook, TimeProvider time,
    IOptions<NotificationOptions> options, ILogger<NotificationDelivery> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var delivered = 0;
        var webhookDown = !options.Value.WebhookEnabled;
        while (true)
        {
            var batch = await OutboxRows.LockAsync(dataSource, time.GetUtcNow(), options.Value, includeWebhook: !webhookDown, ct);
            await using (batch)
            {
                var results = new List<DeliveryResult>();
                results.AddRange(await batch.DeliverInboxAsync(ct));
                foreach (var message in batch.Webhooks)
                {
                    if (webhookDown)
                        break;
                    var error = await webhook.SendAsync(message, ct);
                    results.Add(new(message, error));
                    webhookDown = error is not null;
                    if (error is not null)
                        logger.LogWarning("Webhook delivery of notification {Id} failed (attempt {Attempt}): {Error}", message.Id, message.Attempts + 1, error);
                }
                await batch.CompleteAsync(results, Backoff, ct);
                delivered += results.Count(r => r.Error is null);
                if (batch.Count < options.Value.BatchSize)
                    return delivered;
            }
        }
    }

    /// <summary>10 s, 20 s, 40 s … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public readonly record struct DeliveryResult(Notification Message, string? Error);
