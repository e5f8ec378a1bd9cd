using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Feedback.Web.Notifications;
using Npgsql;

namespace Feedback.Web.Cases;

/// <summary>
/// Opens a case for every bad rating, in the transaction that stores the rating: every storage path (API, batch,
/// import, QR, demo) calls this, so no bad rating is ever stored without its case, and a retry opens none twice.
/// </summary>
public sealed class CaseOpener(CaseSchedule schedule, CaseNotices notices)
{
    public const string OpenAction = "open";

    private static readonly string InsertSql = CaseMap.Cases.InsertFromUnnest("""
        ON CONFLICT (evaluation_id) DO NOTHING
        RETURNING id, department_code, opened_at, due_at
        """);

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
    /// COPY, because the three INSERT … FROM unnest statements of <see cref="OpenAsync"/> cost PostgreSQL far more per case
    /// than the import's whole evaluations COPY (docs/benchmarks.md, the import's second stage).
    /// </summary>
    public async Task OpenFreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Evaluation> inserted, CancellationToken ct)
    {
        var bad = inserted.Where(OpensCase).ToList();
        if (bad.Count == 0)
            return;
        var ids = await SequenceValues.NextAsync(connection, transaction, "cases_id_seq", bad.Count, ct);
        var cases = new List<RectificationCase>(bad.Count);
        for (var i = 0; i < bad.Count; i++)
        {
            cases.Add(NewCase(bad[i], ids[i]));
        }
        await CaseMap.Cases.CopyAsync(connection, cases, ct);
        var opened = cases.ConvertAll(c => new OpenedCase(c.Id, c.DepartmentCode, c.OpenedAt, c.DueAt));
        await CaseEventWriter.CopyAsync(connection, opened.ConvertAll(OpeningEvent), ct);
        await OutboxWriter.CopyAsync(connection, Notices(opened), ct);
    }

    /// <summary>
    /// A case opens when its rating is received; the reply is due, and the first alert falls, from then.
    /// <paramref name="id"/> is the drawn id for COPY; INSERT draws its own.
    /// </summary>
    private RectificationCase NewCase(Evaluation rating, long id = 0)
    {
        var due = schedule.Deadlines.ReplyDueAt(rating.ReceivedAt);
        return new()
        {
            Id = id, EvaluationId = rating.Id, DepartmentCode = rating.DepartmentCode, State = CaseStates.Open,
            OpenedAt = rating.ReceivedAt, DueAt = due, NextAlertAt = schedule.NextAt(rating.ReceivedAt, due, rating.ReceivedAt)!.Value,
            UpdatedAt = rating.ReceivedAt, Extensions = 0,
        };
    }

    private static CaseEvent OpeningEvent(OpenedCase c) => CaseEventWriter.BySystem(c.Id, c.OpenedAt, OpenAction, null, CaseStates.Open);

    private List<Notification> Notices(List<OpenedCase> opened) =>
        opened.SelectMany(c => notices.Opened(c.Id, c.DepartmentCode, c.OpenedAt, c.DueAt)).ToList();

    private async Task<List<OpenedCase>> InsertCasesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Evaluation> bad, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        CaseMap.Cases.AddParameters(command.Parameters, bad.ConvertAll(r => NewCase(r)));
        var opened = new List<OpenedCase>(bad.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            opened.Add(new(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return opened;
    }

    private sealed record OpenedCase(long Id, string DepartmentCode, DateTimeOffset OpenedAt, DateTimeOffset DueAt);
}
