using System.Buffers.Binary;
using System.Text;
using Npgsql;
using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Import;

/// <summary>What became of a batch: counts, and the rows the database refused with its reason.</summary>
public sealed record CopyOutcome(int Created, int Duplicates, IReadOnlyList<(int Row, string Error)> Rejected);

/// <summary>
/// The import's way to store: a batch's rows are streamed with binary COPY straight into evaluations, which costs
/// PostgreSQL far less per row than INSERT … ON CONFLICT. Ids are drawn from the sequence first, so bad ratings open
/// their cases in the same transaction. When the database refuses the batch (a key stored already, or data it
/// rejects), its stored keys are looked up once and the remaining rows are stored in halves, recursively, so that
/// only the rows it refuses on their own are left out.
/// </summary>
public sealed class EvaluationBulkCopy(CaseOpener cases)
{
    private const string KeyIndex = "ix_evaluations_case_number_assess_number";
    // A row is its field count (2 bytes), then each field's length (4 bytes) and value. The map puts the id first,
    // then the case number and the assess number, so all three are found at fixed or readable places in the bytes.
    private const int IdAt = 2 + 4;
    private static readonly string Target = KeyColumnsFirst(EvaluationMap.Map).CopyTarget;

    private static TableMap<Evaluation> KeyColumnsFirst(TableMap<Evaluation> map) =>
        (map.CopyOrdinal("id"), map.CopyOrdinal("case_number"), map.CopyOrdinal("assess_number")) == (0, 1, 2)
            ? map
            : throw new InvalidOperationException("The evaluations map must write id, case_number and assess_number first.");

    public async Task<CopyOutcome> StoreAsync(NpgsqlConnection connection, EvaluationCopyBatch batch, CancellationToken ct)
    {
        // An import's chunks nearly always hold only new keys, and looking them up cost PostgreSQL about a fifth of
        // its time per row: copy without looking, and let the unique index catch a stored or repeated key (re-import).
        if (await TryStoreAsync(connection, batch, null, ct) is null)
        {
            return new(batch.Count, 0, []);
        }
        var (fresh, duplicates) = await FreshRowsAsync(connection, batch, ct);
        var rejected = new List<(int, string)>();
        var (created, raced) = await StoreInHalvesAsync(connection, batch, fresh, rejected, ct);
        return new(created, duplicates + raced, rejected);
    }

    /// <summary>The id is a placeholder until the batch is stored: see <see cref="SetId"/>.</summary>
    internal static void Encode(PgBinaryRows copy, Evaluation r) => EvaluationMap.Map.Encode(copy, r);

    internal static long IdOf(ReadOnlySpan<byte> row) => BinaryPrimitives.ReadInt64BigEndian(row[IdAt..]);

    private static void SetId(Span<byte> row, long id) => BinaryPrimitives.WriteInt64BigEndian(row[IdAt..], id);

    private static (string? CaseNumber, short AssessNumber) KeyOf(ReadOnlySpan<byte> row)
    {
        var field = row[(IdAt + 8)..];
        var length = BinaryPrimitives.ReadInt32BigEndian(field);
        var caseNumber = length < 0 ? null : Encoding.UTF8.GetString(field.Slice(4, length));
        return (caseNumber, BinaryPrimitives.ReadInt16BigEndian(field[(4 + Math.Max(length, 0) + 4)..]));
    }

    /// <summary>Stores the rows (all when null) in one transaction; returns why the database refused them, if it did.</summary>
    private async Task<PostgresException?> TryStoreAsync(NpgsqlConnection connection, EvaluationCopyBatch batch, ArraySegment<int>? rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var count = rows?.Count ?? batch.Count;
            var ids = await SequenceValues.NextAsync(connection, transaction, "evaluations_id_seq", count, ct);
            for (var i = 0; i < count; i++)
            {
                SetId(batch.Rows.Row(rows is { } only ? only[i] : i), ids[i]);
            }
            await batch.Rows.CopyAsync(connection, Target, rows, ct);
            await cases.OpenFreshAsync(connection, transaction, batch.Opening(rows), ct);
            await transaction.CommitAsync(ct);
            return null;
        }
        catch (PostgresException ex) when (EvaluationStore.IsDataError(ex))
        {
            await transaction.RollbackAsync(ct);
            return ex;
        }
    }

    /// <summary>
    /// The rows (ascending) whose key is neither stored nor repeated earlier in the batch, and how many are. A stored
    /// key's rating is not stored again: the import counts it as a duplicate.
    /// </summary>
    private static async Task<(ArraySegment<int> Fresh, int Duplicates)> FreshRowsAsync(NpgsqlConnection connection, EvaluationCopyBatch batch, CancellationToken ct)
    {
        var keys = new (string? CaseNumber, short AssessNumber)[batch.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyOf(batch.Rows.Row(i));
        }
        var seen = await StoredKeysAsync(connection, keys, ct);
        var fresh = new List<int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].CaseNumber is not { } caseNumber || seen.Add((caseNumber, keys[i].AssessNumber)))
            {
                fresh.Add(i);
            }
        }
        return (fresh.ToArray(), keys.Length - fresh.Count);
    }

    private static async Task<HashSet<(string, short)>> StoredKeysAsync(NpgsqlConnection connection, (string? CaseNumber, short AssessNumber)[] keys, CancellationToken ct)
    {
        var stored = new HashSet<(string, short)>();
        var caseNumbers = keys.Select(k => k.CaseNumber).OfType<string>().Distinct().ToArray();
        if (caseNumbers.Length == 0)
        {
            return stored;
        }
        await using var command = new NpgsqlCommand("SELECT case_number, assess_number FROM evaluations WHERE case_number = ANY($1)", connection);
        command.Parameters.Add(new() { Value = caseNumbers });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add((reader.GetString(0), reader.GetInt16(1)));
        }
        return stored;
    }

    /// <summary>
    /// Stores the rows, or, if the database refuses them, each half on its own: a bad row costs about two
    /// transactions per halving, and every other row is kept. A key stored by another writer meanwhile is a duplicate.
    /// </summary>
    private async Task<(int Created, int Duplicates)> StoreInHalvesAsync(
        NpgsqlConnection connection, EvaluationCopyBatch batch, ArraySegment<int> rows, List<(int, string)> rejected, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return (0, 0);
        }
        var refused = await TryStoreAsync(connection, batch, rows, ct);
        if (refused is null)
        {
            return (rows.Count, 0);
        }
        if (rows.Count == 1)
        {
            if (refused is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: KeyIndex })
            {
                return (0, 1);
            }
            rejected.Add((rows[0], refused.MessageText));
            return (0, 0);
        }
        var half = rows.Count / 2;
        var (created1, duplicates1) = await StoreInHalvesAsync(connection, batch, rows[..half], rejected, ct);
        var (created2, duplicates2) = await StoreInHalvesAsync(connection, batch, rows[half..], rejected, ct);
        return (created1 + created2, duplicates1 + duplicates2);
    }
}
