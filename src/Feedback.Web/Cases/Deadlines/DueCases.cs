using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Cases.Deadlines;

internal sealed record DueCase(long Id, string DepartmentCode, string State, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset NextAlertAt);

/// <summary>After a sweep: the case's next alert (null: none left) and, if it was escalated, when.</summary>
internal sealed record CaseUpdate(long Id, DateTimeOffset? NextAlertAt, DateTimeOffset? EscalatedAt);

/// <summary>The sweep's SQL: lock the due cases, record alerts under their unique key, move the cases on.</summary>
internal static class DueCases
{
    public static async Task<List<DueCase>> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, department_code, state, opened_at, due_at, next_alert_at FROM cases
            WHERE next_alert_at <= $1 ORDER BY next_alert_at LIMIT $2
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new() { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = limit });
        var cases = new List<DueCase>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cases.Add(new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return cases;
    }

    /// <returns>The (case, kind) keys that were new: only those may be announced.</returns>
    public static async Task<HashSet<(long, string)>> RecordAlertsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<CaseAlert> alerts, CancellationToken ct)
    {
        var fresh = new HashSet<(long, string)>();
        if (alerts.Count == 0)
            return fresh;
        await using var command = new NpgsqlCommand("""
            INSERT INTO case_alerts (case_id, kind, due_at, scheduled_at, handled_at, skipped)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::boolean[])
            ON CONFLICT DO NOTHING
            RETURNING case_id, kind
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new() { Value = alerts.Select(a => a.CaseId).ToArray() });
        p.Add(new() { Value = alerts.Select(a => a.Kind).ToArray() });
        p.Add(new() { Value = alerts.Select(a => a.DueAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = alerts.Select(a => a.ScheduledAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = alerts.Select(a => a.HandledAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = alerts.Select(a => a.Skipped).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            fresh.Add((reader.GetInt64(0), reader.GetString(1)));
        return fresh;
    }

    public static async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<CaseUpdate> updates, DateTimeOffset now, CancellationToken ct)
    {
        if (updates.Count == 0)
            return;
        await using var command = new NpgsqlCommand("""
            UPDATE cases c SET next_alert_at = t.next_alert_at, escalated_at = COALESCE(c.escalated_at, t.escalated_at), updated_at = $4
            FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) AS t(id, next_alert_at, escalated_at)
            WHERE c.id = t.id
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new() { Value = updates.Select(u => u.Id).ToArray() });
        p.Add(new() { Value = updates.Select(u => u.NextAlertAt?.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = updates.Select(u => u.EscalatedAt?.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
    }
}
