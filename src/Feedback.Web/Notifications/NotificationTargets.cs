using System.Globalization;
using Feedback.Web.Accounts;

namespace Feedback.Web.Notifications;

/// <summary>
/// Where a notification goes: "inbox:ROLE" or "inbox:ROLE:DEPARTMENT" for the in-app inbox of everyone with the role,
/// "person:USERID" for one person's inbox, or "webhook". The part before the first ':' is the target's scheme, which
/// names the channel that delivers it (<see cref="INotificationChannel.Schemes"/>).
/// </summary>
public static class NotificationTargets
{
    public const string Webhook = "webhook";
    public const string InboxScheme = "inbox";
    public const string PersonScheme = "person";
    private const string InboxPrefix = InboxScheme + ":";
    private const string PersonPrefix = PersonScheme + ":";

    public static string Inbox(string role, string? department = null) =>
        department is null ? $"{InboxPrefix}{role}" : $"{InboxPrefix}{role}:{department}";

    public static string Person(int userId) => $"{PersonPrefix}{userId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"inbox" for "inbox:leader", "webhook" for "webhook".</summary>
    public static string Scheme(string target) => target.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? target[..colon] : target;

    public static bool TryParsePerson(string target, out int userId)
    {
        userId = 0;
        return target.StartsWith(PersonPrefix, StringComparison.Ordinal)
            && int.TryParse(target.AsSpan(PersonPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out userId);
    }

    public static bool TryParseInbox(string target, out string role, out string? department)
    {
        role = "";
        department = null;
        if (!target.StartsWith(InboxPrefix, StringComparison.Ordinal))
            return false;
        var parts = target[InboxPrefix.Length..].Split(':', 2);
        role = parts[0];
        department = parts.Length > 1 ? parts[1] : null;
        return Roles.All.Contains(role);
    }
}
