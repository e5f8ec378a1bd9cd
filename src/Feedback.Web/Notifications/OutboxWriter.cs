using Npgsql;

namespace Feedback.Web.Notifications;

/// <summary>Queues notifications in the caller's transaction, so they exist exactly when the event they announce does.</summary>
internal static class OutboxWriter
{
    private static readonly string InsertSql = NotificationMap.Map.InsertFromUnnest("ON CONFLICT (event_key, target) DO NOTHING");

    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count > 0)
            await NotificationMap.Map.InsertAsync(connection, transaction, InsertSql, notifications, ct);
    }

    /// <summary>
    /// The same rows by binary COPY, for the import, whose notifications are all new: there is no
    /// <c>ON CONFLICT</c>, so a repeated event fails the transaction instead of being skipped.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count > 0)
            await NotificationMap.Map.CopyAsync(connection, notifications, ct);
    }
}
