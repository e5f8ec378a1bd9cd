using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Feedback.Web.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Cases;

/// <summary>
/// Opens a case for every bad rating, in the transaction that stores the rating: every storage path (API, batch,
/// import, QR, demo) calls this, so no bad rating is ever stored without its case, and a retry opens none twice.
/// </summary>
public sealed class CaseOpener(CaseSchedule schedule, CaseNotices notices)
{
    public const string OpenAction = "open";

    /// <summary>差评 opens a case; a default rating is never bad, but say so explicitly.</summary>
    public static bool OpensCase(Evaluation evaluation) => Ratings.IsBad(evaluation.Rating) && !evaluation.IsDefault;

    /// <param name="created">Rows just inserted in <paramref name="transaction"/>, with their ids.</param>
    public async Task OpenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Evaluation> created, CancellationToken ct)
    {
        var bad = created.Where(OpensCase).ToList();
        if (bad.Count == 0)
            return;
        var opened = await InsertCasesAsync(connection, transaction, bad, ct);
        await CaseEventWriter.AddAsync(connection, transaction, opened.ConvertAll(OpeningEvent), ct);
        await OutboxWriter.AddAsync(connection, transaction, Notices(opened), ct);
    }

    /// <summary>
    /// The import's variant, for ratings inserted by this very transaction, which cannot have a case yet: case ids
    /// are drawn first, and the cases, their audit lines and their notifications are streamed with binary COPY.
    /// Measured: the three INSERT … FROM unnest statements of <see cref="OpenAsync"/> cost PostgreSQL about 50 µs per
    /// case, nearly a third of what it spent on the import's evaluations COPY.
    /// </summary>
    public async Task OpenFreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Evaluation> inserted, CancellationToken ct)
    {
        var bad = inserted.Where(OpensCase).ToList();
        if (bad.Count == 0)
            return;
        var ids = await SequenceValues.NextAsync(connection, transaction, "cases_id_seq", bad.Count, ct);
        var opened = new List<OpenedCase>(bad.Count);
        using (var copy = new PgBinaryRows())
        {
            for (var i = 0; i < bad.Count; i++)
            {
                var (at, due, nextAlert) = Timing(bad[i]);
                opened.Add(new(ids[i], bad[i].DepartmentCode, at, due));
                copy.StartRow(9);
                copy.Int64(ids[i]);
                copy.Int64(bad[i].Id);
                copy.Text(bad[i].DepartmentCode);
                copy.Text(CaseStates.Open);
                copy.Timestamp(at);
                copy.Timestamp(due);
                copy.Timestamp(nextAlert);
                copy.Timestamp(at);
                copy.Int16(0);
            }
            await copy.CopyAsync(connection, "cases (id, evaluation_id, department_code, state, opened_at, due_at, next_alert_at, updated_at, extensions)", ct);
        }
        await CaseEventWriter.CopyAsync(connection, opened.ConvertAll(OpeningEvent), ct);
        await OutboxWriter.CopyAsync(connection, Notices(opened), ct);
    }

    /// <summary>A case opens when its rating is received; the reply is due, and the first alert falls, from then.</summary>
    private (DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset NextAlertAt) Timing(Evaluation rating)
    {
        var due = schedule.Deadlines.ReplyDueAt(rating.ReceivedAt);
        return (rating.ReceivedAt, due, schedule.NextAt(rating.ReceivedAt, due, rating.ReceivedAt)!.Value);
    }

    private static CaseEvent OpeningEvent(OpenedCase c) => CaseEventWriter.BySystem(c.Id, c.OpenedAt, OpenAction, null, CaseStates.Open);

    private List<Notification> Notices(List<OpenedCase> opened) =>
        opened.SelectMany(c => notices.Opened(c.Id, c.DepartmentCode, c.OpenedAt, c.DueAt)).ToList();

    private async Task<List<OpenedCase>> InsertCasesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Evaluation> bad, CancellationToken ct)
    {
        var deadlines = bad.ConvertAll(Timing);
        await using var command = new NpgsqlCommand("""
            INSERT INTO cases (evaluation_id, department_code, state, opened_at, due_at, next_alert_at, updated_at, extensions)
            SELECT t.evaluation_id, t.department_code, 'open', t.opened_at, t.due_at, t.next_alert_at, t.opened_at, 0
            FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[])
                 AS t(evaluation_id, department_code, opened_at, due_at, next_alert_at)
            ON CONFLICT (evaluation_id) DO NOTHING
            RETURNING id, department_code, opened_at, due_at
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new() { Value = bad.Select(e => e.Id).ToArray() });
        p.Add(new() { Value = bad.Select(e => e.DepartmentCode).ToArray() });
        p.Add(new() { Value = deadlines.Select(d => d.OpenedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = deadlines.Select(d => d.DueAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = deadlines.Select(d => d.NextAlertAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        var opened = new List<OpenedCase>(bad.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            opened.Add(new(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return opened;
    }

    private sealed record OpenedCase(long Id, string DepartmentCode, DateTimeOffset OpenedAt, DateTimeOffset DueAt);
}
