using System.Globalization;
using Feedback.Web.Accounts;

namespace Feedback.Web.Notifications;

/// <summary>
/// Where a notification goes: "inbox:ROLE" or "inbox:ROLE:DEPARTMENT" for the in-app inbox of everyone with the role,
/// "person:USERID" for one person's inbox, or "webhook".
/// </summary>
public static class NotificationTargets
{
    public const string Webhook = "webhook";
    private const string InboxPrefix = "inbox:";
    private const string PersonPrefix = "person:";

    public static string Inbox(string role, string? department = null) =>
        department is null ? $"{InboxPrefix}{role}" : $"{InboxPrefix}{role}:{department}";

    public static string Person(int userId) => $"{PersonPrefix}{userId.ToString(CultureInfo.InvariantCulture)}";

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
