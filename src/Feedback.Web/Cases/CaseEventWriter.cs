using Feedback.Web.Data;
using Npgsql;

namespace Feedback.Web.Cases;

/// <summary>Appends audit-log lines with set-based SQL, for the paths that work in bulk (opening and the deadline sweep).</summary>
internal static class CaseEventWriter
{
    public const string System = "system";

    private static readonly string InsertSql = CaseMap.Events.InsertFromUnnest("");

    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CaseEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
            return;
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        CaseMap.Events.AddParameters(command.Parameters, events as IReadOnlyList<CaseEvent> ?? [.. events]);
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
            CaseMap.Events.Encode(copy, e);
        }
        await copy.CopyAsync(connection, CaseMap.Events.CopyTarget, ct);
    }

    public static CaseEvent BySystem(long caseId, DateTimeOffset at, string action, string? from, string to, string? note = null) =>
        new() { CaseId = caseId, At = at, Actor = System, ActorRole = System, Action = action, FromState = from, ToState = to, Note = note };
}
