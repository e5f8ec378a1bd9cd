namespace Feedback.Web.Notifications;

/// <summary>
/// Where an event goes: the audience a feature names (inbox targets, see <see cref="NotificationTargets"/>) and the
/// copies the registered channels add to it (the webhook's), so a feature never names a channel other than the inbox.
/// </summary>
public sealed class NotificationRouting
{
    private readonly INotificationChannel[] _channels;

    internal NotificationRouting(IEnumerable<INotificationChannel> channels) => _channels = [.. channels];

    public string[] Targets(IReadOnlyList<string> audience) => [.. audience, .. _channels.SelectMany(c => c.CopiesFor(audience))];
}
