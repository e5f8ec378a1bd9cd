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
}
