using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Feedback.Web.Notifications;
using Feedback.Web.Sms;
using Npgsql;

namespace Feedback.Web.Cases;

/// <summary>
/// Opens a case for every bad rating, in the transaction that stores the rating: every storage path (API, batch,
/// import, QR, demo) calls this, so no bad rating is ever stored without its case, and a retry opens none twice.
/// </summary>
public sealed class CaseOpener(CaseSchedule schedule, CaseNotices notices, ContactPhones phones, CitizenSms sms)
{
    public const string OpenAction = "open";

    private static readonly string InsertSql = CaseMap.Cases.InsertFromUnnest("""
        ON CONFLICT (evaluation_id) DO NOTHING
        RETURNING id, department_code, opened_at, due_at, evaluation_id
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
        await OutboxWriter.AddAsync(connection, transaction, [.. Notices(opened), .. await TextsAsync(bad, opened, ct)], ct);
    }

    /// <summary>The 已收到 text message of each case whose citizen left a number (when SMS is on).</summary>
    private async Task<List<Notification>> TextsAsync(List<Evaluation> bad, List<OpenedCase> opened, CancellationToken ct)
    {
        if (!sms.Enabled)
            return [];
        var withPhone = bad.Where(r => r.ContactPhone is not null).Select(r => r.Id).ToHashSet();
        var texts = new List<Notification>();
        foreach (var c in opened.Where(c => withPhone.Contains(c.EvaluationId)))
            texts.AddRange(await sms.ReceivedAsync(c.Id, c.EvaluationId, c.DepartmentCode, c.OpenedAt, ct));
        return texts;
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
            // Imported history sends no messages, so it keeps no number.
            cases.Add(NewCase(bad[i], ids[i], keepPhone: false));
        }
        await CaseMap.Cases.CopyAsync(connection, cases, ct);
        var opened = cases.ConvertAll(c => new OpenedCase(c.Id, c.DepartmentCode, c.OpenedAt, c.DueAt, c.EvaluationId));
        await CaseEventWriter.CopyAsync(connection, opened.ConvertAll(OpeningEvent), ct);
        await OutboxWriter.CopyAsync(connection, Notices(opened), ct);
    }

    /// <summary>
    /// A case opens when its rating is received; the reply is due, and the first alert falls, from then.
    /// <paramref name="id"/> is the drawn id for COPY; INSERT draws its own. The citizen's number, if any, is kept
    /// encrypted for the case's text messages (<see cref="ContactPhones"/>).
    /// </summary>
    private RectificationCase NewCase(Evaluation rating, long id = 0, bool keepPhone = true)
    {
        var due = schedule.Deadlines.ReplyDueAt(rating.ReceivedAt);
        return new()
        {
            Id = id, EvaluationId = rating.Id, DepartmentCode = rating.DepartmentCode, State = CaseStates.Open,
            OpenedAt = rating.ReceivedAt, DueAt = due, NextAlertAt = schedule.NextAt(rating.ReceivedAt, due, rating.ReceivedAt)!.Value,
            UpdatedAt = rating.ReceivedAt, Extensions = 0, ContactPhoneCipher = keepPhone ? phones.Protect(rating.ContactPhone) : null,
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
            opened.Add(new(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4)));
        return opened;
    }

    private sealed record OpenedCase(long Id, string DepartmentCode, DateTimeOffset OpenedAt, DateTimeOffset DueAt, long EvaluationId);
}
