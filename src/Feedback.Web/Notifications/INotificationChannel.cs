namespace Feedback.Web.Notifications;

/// <summary>
/// A way notifications reach people: the in-app inbox, the webhook; SMS or a provincial sync plug in the same way,
/// with a class in this folder and one <see cref="NotificationsExtensions.AddNotificationChannel{T}"/> line.
/// Every outbox row's <see cref="Notification.Target"/> begins with one of a channel's <see cref="Schemes"/>, which
/// is how delivery finds the channel; a row no registered channel takes waits in the outbox.
/// </summary>
internal interface INotificationChannel
{
    /// <summary>For logs, e.g. "webhook".</summary>
    string Name { get; }

    /// <summary>The target schemes it delivers: the part of a target before its first ':'. Default: <see cref="Name"/>.</summary>
    IReadOnlyCollection<string> Schemes => [Name];

    /// <summary>False while it is not configured: its messages wait in the outbox, untried. Default: true.</summary>
    bool Enabled => true;

    /// <summary>
    /// The targets of this channel that also receive an event addressed to <paramref name="audience"/> (inbox
    /// targets), e.g. the webhook's copy of every event. Default: none.
    /// </summary>
    IEnumerable<string> CopiesFor(IReadOnlyList<string> audience) => [];

    /// <summary>
    /// Delivers this channel's messages of a batch. A channel that writes through <paramref name="outbox"/>'s
    /// transaction delivers exactly once; one that calls out delivers at least once (its receiver drops a repeated id).
    /// </summary>
    Task<ChannelResult> SendAsync(OutboxBatch outbox, IReadOnlyList<Notification> messages, CancellationToken ct);
}

/// <summary>
/// One result per message tried. <paramref name="Down"/>: the receiver is away, so the channel is left out until the
/// next run, and the messages it did not try wait untouched.
/// </summary>
internal sealed record ChannelResult(IReadOnlyList<DeliveryResult> Results, bool Down = false);
