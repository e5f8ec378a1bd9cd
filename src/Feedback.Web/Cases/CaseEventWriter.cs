using Feedback.Web.Evaluations;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Cases;

/// <summary>Appends audit-log lines with set-based SQL, for the paths that work in bulk (opening and the deadline sweep).</summary>
internal static class CaseEventWriter
{
    public const string System = "system";

    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CaseEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
            return;
        await using var command = new NpgsqlCommand("""
            INSERT INTO case_events (case_id, at, actor, actor_role, action, from_state, to_state, note)
            SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new() { Value = events.Select(e => e.CaseId).ToArray() });
        p.Add(new() { Value = events.Select(e => e.At.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = events.Select(e => e.Actor).ToArray() });
        p.Add(new() { Value = events.Select(e => e.ActorRole).ToArray() });
        p.Add(new() { Value = events.Select(e => e.Action).ToArray() });
        p.Add(new() { Value = events.Select(e => e.FromState).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = events.Select(e => e.ToState).ToArray() });
        p.Add(new() { Value = events.Select(e => e.Note).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The same lines by binary COPY, for the import (see <see cref="CaseOpener.OpenFreshAsync"/>).</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<CaseEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
            return;
        using var copy = new PgBinaryRows();
        foreach (var e in events)
        {
            copy.StartRow(8);
            copy.Int64(e.CaseId);
            copy.Timestamp(e.At);
            copy.Text(e.Actor);
            copy.Text(e.ActorRole);
            copy.Text(e.Action);
            copy.Text(e.FromState);
            copy.Text(e.ToState);
            copy.Text(e.Note);
        }
        await copy.CopyAsync(connection, "case_events (case_id, at, actor, actor_role, action, from_state, to_state, note)", ct);
    }

    public static CaseEvent BySystem(long caseId, DateTimeOffset at, string action, string? from, string to, string? note = null) =>
        new() { CaseId = caseId, At = at, Actor = System, ActorRole = System, Action = action, FromState = from, ToState = to, Note = note };
}
