using Npgsql;
using NpgsqlTypes;
using Feedback.Web.Cases;

namespace Feedback.Web.Evaluations;

/// <summary>
/// The import's fast path: the chunk's keys are checked against the table once, and the rows not stored yet are
/// streamed with binary COPY straight into evaluations, which costs PostgreSQL far less per row than
/// INSERT … ON CONFLICT. Returns null when the database refuses the chunk (a key stored meanwhile by another
/// writer, or data it rejects): the caller then stores the chunk with <see cref="EvaluationStore"/>.
/// Ids are drawn from the sequence first, so bad ratings can open their cases in the same transaction.
/// </summary>
public sealed class EvaluationBulkCopy(CaseOpener cases)
{
    private const string CopyColumns = """
        id, case_number, assess_number, channel, rating, reason_codes, comment, department_code, window_code, staff_code,
        service_item_code, anonymous, rater_name, rater_phone_masked, rater_phone_hash, evaluated_at, received_at, is_default,
        theme, theme_confidence, theme_top3, theme_top3_scores, model_version, needs_review, theme_signal
        """;

    public async Task<StoreOutcome[]?> TryCopyAsync(NpgsqlConnection connection, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var stored = await StoredKeysAsync(connection, transaction, rows, ct);
        var outcomes = new StoreOutcome[rows.Count];
        var fresh = new List<Evaluation>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // A key already stored, or seen earlier in this chunk, is a duplicate.
            var isNew = row.CaseNumber is null || stored.Add((row.CaseNumber, row.AssessNumber));
            outcomes[i] = new(isNew ? StoreStatus.Created : StoreStatus.Duplicate, row);
            if (isNew)
            {
                fresh.Add(row);
            }
        }
        try
        {
            await AssignIdsAsync(connection, transaction, fresh, ct);
            await CopyAsync(connection, fresh, ct);
            await cases.OpenAsync(connection, transaction, fresh, ct);
            await transaction.CommitAsync(ct);
            return outcomes;
        }
        catch (PostgresException ex) when (EvaluationStore.IsDataError(ex))
        {
            await transaction.RollbackAsync(ct);
            return null;
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

    private static async Task AssignIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Evaluation> rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT nextval('evaluations_id_seq') FROM generate_series(1, $1)", connection, transaction);
        command.Parameters.Add(new() { Value = rows.Count });
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
            rows[i].Id = reader.GetInt64(0);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Evaluation> rows, CancellationToken ct)
    {
        // Synchronous writes: each field is a buffer copy, and an await per field would cost more than the field.
        using var copy = connection.BeginBinaryImport($"COPY evaluations ({CopyColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows)
        {
            copy.StartRow();
            copy.Write(r.Id, NpgsqlDbType.Bigint);
            copy.Write(r.CaseNumber, NpgsqlDbType.Text);
            copy.Write(r.AssessNumber, NpgsqlDbType.Smallint);
            copy.Write(r.Channel, NpgsqlDbType.Text);
            copy.Write(r.Rating, NpgsqlDbType.Smallint);
            copy.Write(r.ReasonCodes, NpgsqlDbType.Array | NpgsqlDbType.Smallint);
            copy.Write(r.Comment, NpgsqlDbType.Text);
            copy.Write(r.DepartmentCode, NpgsqlDbType.Text);
            copy.Write(r.WindowCode, NpgsqlDbType.Text);
            copy.Write(r.StaffCode, NpgsqlDbType.Text);
            copy.Write(r.ServiceItemCode, NpgsqlDbType.Text);
            copy.Write(r.Anonymous, NpgsqlDbType.Boolean);
            copy.Write(r.RaterName, NpgsqlDbType.Text);
            copy.Write(r.RaterPhoneMasked, NpgsqlDbType.Text);
            copy.Write(r.RaterPhoneHash, NpgsqlDbType.Bytea);
            copy.Write(r.EvaluatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            copy.Write(r.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            copy.Write(r.IsDefault, NpgsqlDbType.Boolean);
            copy.Write(r.Theme, NpgsqlDbType.Text);
            copy.Write(r.ThemeConfidence, NpgsqlDbType.Real);
            copy.Write(r.ThemeTop3, NpgsqlDbType.Array | NpgsqlDbType.Text);
            copy.Write(r.ThemeTop3Scores, NpgsqlDbType.Array | NpgsqlDbType.Real);
            copy.Write(r.ModelVersion, NpgsqlDbType.Text);
            copy.Write(r.NeedsReview, NpgsqlDbType.Boolean);
            copy.Write(r.ThemeSignal, NpgsqlDbType.Text);
        }
        await copy.CompleteAsync(ct);
    }
}
