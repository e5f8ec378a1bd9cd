using Feedback.Web.Data;
using Npgsql;

namespace Feedback.Web.Notifications;

/// <summary>Queues notifications in the caller's transaction, so they exist exactly when the event they announce does.</summary>
internal static class OutboxWriter
{
    private static readonly string InsertSql = NotificationMap.Map.InsertFromUnnest("ON CONFLICT (event_key, target) DO NOTHING");

    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
            return;
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        NotificationMap.Map.AddParameters(command.Parameters, notifications as IReadOnlyList<Notification> ?? [.. notifications]);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The same rows by binary COPY, for the import, whose notifications are all new: there is no
    /// <c>ON CONFLICT</c>, so a repeated event fails the transaction instead of being skipped.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
            return;
        using var copy = new PgBinaryRows();
        foreach (var n in notifications)
        {
            NotificationMap.Map.Encode(copy, n);
        }
        await copy.CopyAsync(connection, NotificationMap.Map.CopyTarget, ct);
    }
}
