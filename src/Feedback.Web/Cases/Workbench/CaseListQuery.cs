using System.Runtime.CompilerServices;
using Npgsql;

namespace Feedback.Web.Cases.Workbench;

/// <summary>A page of the list and whether another follows.</summary>
public sealed record CaseListSlice(IReadOnlyList<CaseListRow> Rows, CaseCursor? Next);

/// <summary>Runs <see cref="CaseListSql"/>: a page, the counts per state, and every matching case in keyset batches for the export.</summary>
public sealed class CaseListQuery(NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;
    public const int MaxLimit = 500;
    /// <summary>Matches from which a search walks the list rather than collecting every match (see <see cref="CaseListCriteria.SearchIsCommon"/>).</summary>
    public const int CommonSearchMatches = 1000;
    /// <summary>Cases counted per state before a count stops and reads "1,000+" (see <see cref="CaseStateCounts"/>).</summary>
    public const int CountCap = 1000;
    /// <summary>
    /// The cap when a filter reads the rating (window, staff, theme): each case counted then costs a look-up of its
    /// rating, and a rare theme among a department's finished cases took 18,863 look-ups (450 ms) to count to 1,000.
    /// </summary>
    public const int RatingFilterCountCap = 100;
    /// <summary>pg_trgm finds nothing to look up in a shorter text (it needs three characters in a row).</summary>
    private const int TrigramLength = 3;

    /// <summary>Decides how the search is run: from its matches (rare text) or by walking the list (common or short text).</summary>
    public async Task<CaseListCriteria> PlanSearchAsync(CaseListCriteria criteria, CancellationToken ct)
    {
        if (criteria.Search is not { } search)
            return criteria;
        if (search.Length < TrigramLength)
            return criteria with { SearchIsCommon = true };
        await using var command = CaseListSql.SearchProbe(search, CommonSearchMatches + 1).CreateCommand(dataSource);
        var matches = (long)(await command.ExecuteScalarAsync(ct))!;
        return criteria with { SearchIsCommon = matches > CommonSearchMatches };
    }

    public async Task<CaseListSlice> PageAsync(CaseListCriteria criteria, DateTimeOffset now, int limit, CancellationToken ct, int offset = 0)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var walk = criteria.Search is not null && criteria.SearchIsCommon ? await WalkAsync(connection, WalkInOrder, ct) : null;
        await using var command = CaseListSql.Page(criteria, now, limit, offset).CreateCommand(connection, walk);
        var rows = new List<CaseListRow>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                rows.Add(CaseListRow.Read(reader));
        }
        if (walk is not null)
            await walk.CommitAsync(ct);
        if (rows.Count <= limit)
            return new(rows, null);
        rows.RemoveAt(limit);
        return new(rows, rows[^1].After(criteria.Sort));
    }

    /// <summary>
    /// Planner settings under which the list can only be walked in its order, each case tested. A common search text
    /// needs that: PostgreSQL cannot tell how often <c>ILIKE '%…%'</c> matches, guesses a handful of rows, and would
    /// rather join every case with its rating and sort the few it expects (11 s on a million cases, against 27 ms for
    /// the walk, which stops after a page). JIT and parallel workers only add start-up time to a walk that short.
    /// </summary>
    private const string WalkInOrder = """
        SET LOCAL enable_sort = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;
        SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0
        """;

    /// <summary>
    /// Planner settings for the capped counts: each group read along its (state, department) index, case by case, until
    /// the cap. Left to itself the planner trusts the limit to stop a sequential scan or a bitmap early, which it does
    /// not when the filter's cases are spread thin (60 ms for one group, against under 1 ms along the index).
    /// </summary>
    private const string CountAlongIndexes = """
        SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_hashjoin = off;
        SET LOCAL enable_mergejoin = off; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0
        """;

    private static async Task<NpgsqlTransaction> WalkAsync(NpgsqlConnection connection, string settings, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var set = new NpgsqlCommand(settings, connection, transaction);
        await set.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    /// <summary>
    /// Counting a common search means reading every match; the list does not, so it shows "more than
    /// <see cref="CommonSearchMatches"/>" instead (null here).
    /// </summary>
    public async Task<CaseStateCounts?> CountsUnlessCommonAsync(CaseListCriteria criteria, DateTimeOffset now, CancellationToken ct) =>
        criteria.Search is not null && criteria.SearchIsCommon ? null : await CountsAsync(criteria, now, ct);

    /// <param name="cap">Where each count stops (by default <see cref="CountCap"/> or <see cref="RatingFilterCountCap"/>; tests pass a small one).</param>
    public async Task<CaseStateCounts> CountsAsync(CaseListCriteria criteria, DateTimeOffset now, CancellationToken ct, int? cap = null)
    {
        var stop = cap ?? (criteria.FiltersEvaluation ? RatingFilterCountCap : CountCap);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // A search's matches come from trigram indexes, which only bitmap scans read: it keeps the planner's choice.
        await using var walk = criteria.Search is null ? await WalkAsync(connection, CountAlongIndexes, ct) : null;
        await using var command = CaseListSql.Counts(criteria, now, stop + 1).CreateCommand(connection, walk);
        var groups = new List<(string, bool, int)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                groups.Add((reader.GetString(0), reader.GetBoolean(1), checked((int)reader.GetInt64(2))));
        }
        if (walk is not null)
            await walk.CommitAsync(ct);
        return new(groups, stop);
    }

    /// <summary>
    /// Up to <paramref name="max"/> matching cases in list order, read <paramref name="batch"/> at a time, each batch a
    /// keyset page after the last: memory stays one batch whatever the size, and no statement stays open between batches.
    /// </summary>
    public async IAsyncEnumerable<CaseListRow> StreamAsync(CaseListCriteria criteria, DateTimeOffset now, int max, int batch,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var sent = 0;
        var page = criteria with { Cursor = null };
        while (sent < max)
        {
            var slice = await PageAsync(page, now, Math.Min(batch, max - sent), ct);
            foreach (var row in slice.Rows)
                yield return row;
            sent += slice.Rows.Count;
            if (slice.Next is null)
                yield break;
            page = page with { Cursor = slice.Next };
        }
    }
}
