using Npgsql;
using Feedback.Web.Cases;
using Feedback.Web.Data;

namespace Feedback.Web.Evaluations;

/// <summary>
/// The import's fast path: the chunk's rows are streamed with binary COPY straight into evaluations, which costs
/// PostgreSQL far less per row than INSERT … ON CONFLICT; when a key is stored already, the chunk's keys are looked
/// up once and only the rows not stored yet are copied. Ids are drawn from the sequence first, so bad ratings open
/// their cases in the same transaction. Returns null when the database refuses the chunk (a key stored meanwhile by
/// another writer, or data it rejects): the caller then stores the chunk with <see cref="EvaluationStore"/>.
/// </summary>
public sealed class EvaluationBulkCopy(CaseOpener cases)
{
    private const string CopyColumns = """
        id, case_number, assess_number, channel, rating, reason_codes, comment, department_code, window_code, staff_code,
        service_item_code, anonymous, rater_name, rater_phone_masked, rater_phone_hash, evaluated_at, received_at, is_default,
        theme, theme_confidence, theme_second, theme_second_score, theme_third, theme_third_score, model_version,
        needs_review, theme_signal
        """;
    private const short CopyColumnCount = 27;
    private const string KeyIndex = "ix_evaluations_case_number_assess_number";

    public async Task<StoreOutcome[]?> TryCopyAsync(NpgsqlConnection connection, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        // An import's chunks nearly always hold only new keys, and looking them up cost PostgreSQL about a fifth of
        // its time per row: copy without looking, and let the unique index catch a stored or repeated key (re-import).
        var (outcomes, keyExists) = await CopyChunkAsync(connection, rows, lookUpKeys: false, ct);
        return keyExists ? (await CopyChunkAsync(connection, rows, lookUpKeys: true, ct)).Outcomes : outcomes;
    }

    private async Task<(StoreOutcome[]? Outcomes, bool KeyExists)> CopyChunkAsync(
        NpgsqlConnection connection, IReadOnlyList<Evaluation> rows, bool lookUpKeys, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var outcomes = new StoreOutcome[rows.Count];
        var fresh = rows as List<Evaluation> ?? [.. rows];
        if (lookUpKeys)
        {
            // A key already stored, or seen earlier in this chunk, is a duplicate. Without the lookup, the unique
            // index finds both, and the caller comes back here.
            var stored = await StoredKeysAsync(connection, transaction, rows, ct);
            fresh = new List<Evaluation>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var isNew = row.CaseNumber is null || stored.Add((row.CaseNumber, row.AssessNumber));
                outcomes[i] = new(isNew ? StoreStatus.Created : StoreStatus.Duplicate, row);
                if (isNew)
                {
                    fresh.Add(row);
                }
            }
        }
        else
        {
            for (var i = 0; i < rows.Count; i++)
            {
                outcomes[i] = new(StoreStatus.Created, rows[i]);
            }
        }
        try
        {
            await AssignIdsAsync(connection, transaction, fresh, ct);
            await CopyAsync(connection, fresh, ct);
            await cases.OpenFreshAsync(connection, transaction, fresh, ct);
            await transaction.CommitAsync(ct);
            return (outcomes, false);
        }
        catch (PostgresException ex) when (EvaluationStore.IsDataError(ex))
        {
            await transaction.RollbackAsync(ct);
            return (null, !lookUpKeys && ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: KeyIndex });
        }
    }

    private static async Task<HashSet<(string, short)>> StoredKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        var keys = new HashSet<(string, short)>();
        var caseNumbers = rows.Where(r => r.CaseNumber is not null).Select(r => r.CaseNumber!).Distinct().ToArray();
        if (caseNumbers.Length == 0)
        {
            return keys;
        }
        await using var command = new NpgsqlCommand("SELECT case_number, assess_number FROM evaluations WHERE case_number = ANY($1)", connection, transaction);
        command.Parameters.Add(new() { Value = caseNumbers });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add((reader.GetString(0), reader.GetInt16(1)));
        }
        return keys;
    }

    private static async Task AssignIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        var ids = await SequenceValues.NextAsync(connection, transaction, "evaluations_id_seq", rows.Count, ct);
        for (var i = 0; i < rows.Count; i++)
            rows[i].Id = ids[i];
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Evaluation> rows, CancellationToken ct)
    {
        await using var copy = await PgBinaryCopyWriter.StartAsync(connection, $"evaluations ({CopyColumns})", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(CopyColumnCount, ct);
            copy.Int64(r.Id);
            copy.Text(r.CaseNumber);
            copy.Int16(r.AssessNumber);
            copy.Text(r.Channel);
            copy.Int16(r.Rating);
            copy.Int16Array(r.ReasonCodes);
            copy.Text(r.Comment);
            copy.Text(r.DepartmentCode);
            copy.Text(r.WindowCode);
            copy.Text(r.StaffCode);
            copy.Text(r.ServiceItemCode);
            copy.Boolean(r.Anonymous);
            copy.Text(r.RaterName);
            copy.Text(r.RaterPhoneMasked);
            copy.Bytes(r.RaterPhoneHash);
            copy.Timestamp(r.EvaluatedAt);
            copy.Timestamp(r.ReceivedAt);
            copy.Boolean(r.IsDefault);
            copy.Text(r.Theme);
            copy.Float4(r.ThemeConfidence);
            copy.Text(r.ThemeSecond);
            copy.Float4(r.ThemeSecondScore);
            copy.Text(r.ThemeThird);
            copy.Float4(r.ThemeThirdScore);
            copy.Text(r.ModelVersion);
            copy.Boolean(r.NeedsReview);
            copy.Text(r.ThemeSignal);
        }
        await copy.CompleteAsync(ct);
    }
}
