using Npgsql;
using NpgsqlTypes;
using Feedback.Web.Cases;

namespace Feedback.Web.Evaluations;

public enum StoreStatus { Created, Duplicate, Rejected }

/// <summary>What became of one row; <see cref="Error"/> says why the database rejected it.</summary>
public readonly record struct StoreOutcome(StoreStatus Status, Evaluation Evaluation, string? Error = null);

/// <summary>
/// Writes validated ratings set-based: one INSERT … SELECT FROM unnest(…) per batch, one commit.
/// A rating whose caseNumber + assessNumber is already stored comes back as the stored row. Bad ratings open
/// their case in the same transaction.
/// </summary>
public sealed class EvaluationStore(CaseOpener cases)
{
    private const string Columns = EvaluationColumns.All;

    private const string InsertSql = $"""
        INSERT INTO evaluations ({Columns})
        SELECT nextval('evaluations_id_seq'), t.case_number, t.assess_number, t.channel, t.rating,
               string_to_array(t.reasons, ',')::smallint[], t.comment, t.department_code, t.window_code, t.staff_code,
               t.service_item_code, t.anonymous, t.rater_name, t.rater_phone_masked, t.rater_phone_hash, t.evaluated_at,
               t.received_at, t.is_default, t.theme, t.theme_confidence, t.theme_second, t.theme_second_score,
               t.theme_third, t.theme_third_score, t.model_version, t.needs_review, t.theme_signal, NULL,
               t.polarity, t.polarity_confidence, t.polarity_model_version
        FROM unnest($1::text[], $2::smallint[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::text[],
                    $9::text[], $10::text[], $11::boolean[], $12::text[], $13::text[], $14::bytea[], $15::timestamptz[],
                    $16::timestamptz[], $17::boolean[], $18::int[], $19::text[], $20::real[], $21::text[], $22::real[],
                    $23::text[], $24::real[], $25::text[], $26::boolean[], $27::text[], $28::text[], $29::real[], $30::text[])
             AS t(case_number, assess_number, channel, rating, reasons, comment, department_code, window_code, staff_code,
                  service_item_code, anonymous, rater_name, rater_phone_masked, rater_phone_hash, evaluated_at, received_at,
                  is_default, ord, theme, theme_confidence, theme_second, theme_second_score, theme_third, theme_third_score,
                  model_version, needs_review, theme_signal, polarity, polarity_confidence, polarity_model_version)
        ORDER BY t.ord
        ON CONFLICT (case_number, assess_number) WHERE case_number IS NOT NULL DO NOTHING
        RETURNING id, case_number, assess_number
        """;

    /// <summary>
    /// Inserts the rows in one transaction and commits; returns an outcome per row, in order. If the database
    /// rejects a row's data (a rule validation does not know of), the rows are stored one by one instead, so
    /// that only the bad row is rejected and the others are kept.
    /// </summary>
    public async Task<StoreOutcome[]> InsertAsync(NpgsqlConnection connection, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        try
        {
            return await InsertCommittedAsync(connection, rows, ct);
        }
        catch (PostgresException ex) when (IsDataError(ex) && rows.Count > 1)
        {
            var outcomes = new StoreOutcome[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                outcomes[i] = (await InsertAsync(connection, [rows[i]], ct))[0];
            }
            return outcomes;
        }
        catch (PostgresException ex) when (IsDataError(ex))
        {
            return [new StoreOutcome(StoreStatus.Rejected, rows[0], ex.MessageText)];
        }
    }

    private async Task<StoreOutcome[]> InsertCommittedAsync(NpgsqlConnection connection, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var outcomes = await InsertAsync(connection, transaction, rows, ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation).</summary>
    internal static bool IsDataError(PostgresException ex) => ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    private async Task<StoreOutcome[]> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Evaluation> rows, CancellationToken ct)
    {
        var created = new Dictionary<(string?, short), long>();
        var walkUpIds = new List<long>();
        await using (var command = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            AddParameters(command, rows);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (reader.IsDBNull(1))
                {
                    walkUpIds.Add(id);
                }
                else
                {
                    created[(reader.GetString(1), reader.GetInt16(2))] = id;
                }
            }
        }
        // nextval() runs after the ORDER BY, so ids rise with the input order; RETURNING's own order is not promised.
        walkUpIds.Sort();
        var outcomes = await MatchOutcomesAsync(connection, transaction, rows, created, new Queue<long>(walkUpIds), ct);
        await cases.OpenAsync(connection, transaction, outcomes.Where(o => o.Status == StoreStatus.Created).Select(o => o.Evaluation), ct);
        return outcomes;
    }

    private static async Task<StoreOutcome[]> MatchOutcomesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Evaluation> rows,
        Dictionary<(string?, short), long> created, Queue<long> walkUpIds, CancellationToken ct)
    {
        var outcomes = new StoreOutcome[rows.Count];
        var duplicates = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.CaseNumber is null)
            {
                // Rows without a case number never conflict: the n-th of them got the n-th smallest id.
                row.Id = walkUpIds.Dequeue();
                outcomes[i] = new(StoreStatus.Created, row);
            }
            else if (created.Remove((row.CaseNumber, row.AssessNumber), out var id))
            {
                row.Id = id;
                outcomes[i] = new(StoreStatus.Created, row);
            }
            else
            {
                duplicates.Add(i);
            }
        }
        if (duplicates.Count > 0)
        {
            var existing = await LoadByCaseAsync(connection, transaction, duplicates.Select(i => rows[i]), ct);
            foreach (var i in duplicates)
            {
                outcomes[i] = new(StoreStatus.Duplicate, existing[(rows[i].CaseNumber!, rows[i].AssessNumber)]);
            }
        }
        return outcomes;
    }

    private static async Task<Dictionary<(string, short), Evaluation>> LoadByCaseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Evaluation> keys, CancellationToken ct)
    {
        var list = keys.ToList();
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM evaluations
            WHERE case_number IS NOT NULL AND (case_number, assess_number) IN (SELECT * FROM unnest($1::text[], $2::smallint[]))
            """, connection, transaction);
        command.Parameters.Add(new() { Value = list.Select(e => e.CaseNumber).ToArray() });
        command.Parameters.Add(new() { Value = list.Select(e => e.AssessNumber).ToArray() });
        var result = new Dictionary<(string, short), Evaluation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var e = EvaluationReader.Read(reader);
            result[(e.CaseNumber!, e.AssessNumber)] = e;
        }
        return result;
    }

    private static void AddParameters(NpgsqlCommand command, IReadOnlyList<Evaluation> rows)
    {
        var p = command.Parameters;
        p.Add(new() { Value = rows.Select(r => r.CaseNumber).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.AssessNumber).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.Channel).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.Rating).ToArray() });
        p.Add(new() { Value = rows.Select(r => string.Join(',', r.ReasonCodes)).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.Comment).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.DepartmentCode).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.WindowCode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.StaffCode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.ServiceItemCode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.Anonymous).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.RaterName).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.RaterPhoneMasked).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.RaterPhoneHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        p.Add(new() { Value = rows.Select(r => r.EvaluatedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = rows.Select(r => r.ReceivedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = rows.Select(r => r.IsDefault).ToArray() });
        p.Add(new() { Value = Enumerable.Range(0, rows.Count).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.Theme).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.ThemeConfidence).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        p.Add(new() { Value = rows.Select(r => r.ThemeSecond).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.ThemeSecondScore).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        p.Add(new() { Value = rows.Select(r => r.ThemeThird).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.ThemeThirdScore).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        p.Add(new() { Value = rows.Select(r => r.ModelVersion).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.NeedsReview).ToArray() });
        p.Add(new() { Value = rows.Select(r => r.ThemeSignal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.Polarity).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new() { Value = rows.Select(r => r.PolarityConfidence).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        p.Add(new() { Value = rows.Select(r => r.PolarityModelVersion).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
    }
}
