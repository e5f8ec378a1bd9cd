using Microsoft.Extensions.Options;

namespace Feedback.Web.Notifications;

/// <summary>
/// Delivers the outbox through the registered channels (<see cref="INotificationChannel"/>), a locked batch at a
/// time. A failed message is retried with back-off until <see cref="NotificationOptions.MaxAttempts"/>; a channel that
/// is not configured, or whose receiver is down, is left out of the rest of the run and its messages wait.
/// </summary>
internal sealed class NotificationDelivery(IServiceScopeFactory scopes, IEnumerable<INotificationChannel> channels, TimeProvider time,
    IOptions<NotificationOptions> options, ILogger<NotificationDelivery> logger)
{
    private readonly INotificationChannel[] _channels = [.. channels];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var delivered = 0;
        var open = _channels.Where(c => c.Enabled).ToList();
        while (open.Count > 0)
        {
            await using var batch = await OutboxBatch.LockAsync(scopes, time.GetUtcNow(), options.Value, [.. open.SelectMany(c => c.Schemes)], ct);
            var results = new List<DeliveryResult>();
            foreach (var channel in open.ToList())
            {
                var messages = batch.For(channel.Schemes);
                if (messages.Count == 0)
                    continue;
                var sent = await channel.SendAsync(batch, messages, ct);
                results.AddRange(sent.Results);
                foreach (var failed in sent.Results.Where(r => r.Error is not null))
                    logger.LogWarning("Delivery of notification {Id} by {Channel} failed (attempt {Attempt}): {Error}", failed.Message.Id, channel.Name, failed.Message.Attempts + 1, failed.Error);
                if (sent.Down)
                    open.Remove(channel);
            }
            await batch.CompleteAsync(results, Backoff, ct);
            delivered += results.Count(r => r.Error is null);
            if (batch.Rows.Count < options.Value.BatchSize)
                break;
        }
        return delivered;
    }

    /// <summary>10 s, 20 s, 40 s … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public readonly record struct DeliveryResult(Notification Message, string? Error);
