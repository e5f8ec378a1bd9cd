using Npgsql;

namespace Feedback.Web.Cases;

/// <summary>Appends audit-log lines with set-based SQL, for the paths that work in bulk (opening and the deadline sweep).</summary>
internal static class CaseEventWriter
{
    public const string System = "system";

    private static readonly string InsertSql = CaseMap.Events.InsertFromUnnest("");

    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<CaseEvent> events, CancellationToken ct)
    {
        if (events.Count > 0)
            await CaseMap.Events.InsertAsync(connection, transaction, InsertSql, events, ct);
    }

    /// <summary>The same lines by binary COPY, for the import (see <see cref="CaseOpener.OpenFreshAsync"/>).</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<CaseEvent> events, CancellationToken ct)
    {
        if (events.Count > 0)
            await CaseMap.Events.CopyAsync(connection, events, ct);
    }

    public static CaseEvent BySystem(long caseId, DateTimeOffset at, string action, string? from, string to, string? note = null) =>
        new() { CaseId = caseId, At = at, Actor = System, ActorRole = System, Action = action, FromState = from, ToState = to, Note = note };
}
