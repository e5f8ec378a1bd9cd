using Feedback.Web.Evaluations;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Notifications;

/// <summary>Queues notifications in the caller's transaction, so they exist exactly when the event they announce does.</summary>
internal static class OutboxWriter
{
    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
            return;
        await using var command = new NpgsqlCommand("""
            INSERT INTO notifications (event_key, target, kind, case_id, department_code, title, body, created_at, next_attempt_at, attempts)
            SELECT t.*, t.created_at, 0
            FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
                 AS t(event_key, target, kind, case_id, department_code, title, body, created_at)
            ON CONFLICT (event_key, target) DO NOTHING
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new() { Value = notifications.Select(n => n.EventKey).ToArray() });
        p.Add(new() { Value = notifications.Select(n => n.Target).ToArray() });
        p.Add(new() { Value = notifications.Select(n => n.Kind).ToArray() });
        p.Add(new() { Value = notifications.Select(n => n.CaseId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        p.Add(new() { Value = notifications.Select(n => n.DepartmentCode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = notifications.Select(n => n.Title).ToArray() });
        p.Add(new() { Value = notifications.Select(n => n.Body).ToArray() });
        p.Add(new() { Value = notifications.Select(n => n.CreatedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
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
            copy.StartRow(10);
            copy.Text(n.EventKey);
            copy.Text(n.Target);
            copy.Text(n.Kind);
            copy.NullableInt64(n.CaseId);
            copy.Text(n.DepartmentCode);
            copy.Text(n.Title);
            copy.Text(n.Body);
            copy.Timestamp(n.CreatedAt);
            copy.Timestamp(n.NextAttemptAt);
            copy.Int32(n.Attempts);
        }
        await copy.CopyAsync(connection,
            "notifications (event_key, target, kind, case_id, department_code, title, body, created_at, next_attempt_at, attempts)", ct);
    }
}
