using Npgsql;
using Feedback.Web.Cases;

namespace Feedback.Web.Evaluations;

public enum StoreStatus { Created, Duplicate, Rejected }

/// <summary>What became of one row; <see cref="Error"/> says why the database rejected it.</summary>
public readonly record struct StoreOutcome(StoreStatus Status, Evaluation Evaluation, string? Error = null)
{
    /// <summary>A refusal as validation errors, which is how the API, the QR form and the import all report it.</summary>
    public static Dictionary<string, string[]> Refusal(string? error) =>
        new() { ["evaluation"] = [$"The database rejected the rating: {error}"] };
}

/// <summary>
/// Writes validated ratings set-based: one INSERT … SELECT FROM unnest(…) per batch, one commit.
/// A rating whose caseNumber + assessNumber is already stored comes back as the stored row. Bad ratings open
/// their case in the same transaction.
/// </summary>
public sealed class EvaluationStore(CaseOpener cases)
{
    // nextval() runs after the ORDER BY, so ids rise with the input order (see MatchOutcomesAsync).
    private static readonly string InsertSql = EvaluationMap.Map.InsertFromUnnest("""
        ORDER BY t.ord
        ON CONFLICT (case_number, assess_number) WHERE case_number IS NOT NULL DO NOTHING
        RETURNING id, case_number, assess_number
        """);

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
            EvaluationMap.Map.AddParameters(command.Parameters, rows);
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
            SELECT {EvaluationMap.Map.SelectList} FROM evaluations
            WHERE case_number IS NOT NULL AND (case_number, assess_number) IN (SELECT * FROM unnest($1::text[], $2::smallint[]))
            """, connection, transaction);
        command.Parameters.Add(new() { Value = list.Select(e => e.CaseNumber).ToArray() });
        command.Parameters.Add(new() { Value = list.Select(e => e.AssessNumber).ToArray() });
        var result = new Dictionary<(string, short), Evaluation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var e = EvaluationMap.Map.Read(reader);
            result[(e.CaseNumber!, e.AssessNumber)] = e;
        }
        return result;
    }
}
