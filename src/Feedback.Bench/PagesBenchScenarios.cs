using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace Feedback.Bench;

/// <summary>One page of `bench pages`: its URL for request i, and the bare SQL that reads the same rows.</summary>
internal sealed record PageScenario(string Name, Func<int, string> Url, Func<int, string> Sql, string Target);

/// <summary>
/// The pages an officer opens all day, each beside the bare SQL that reads the same rows (the same join, filter,
/// order and page size, with the organisation's names left to the page).
/// </summary>
internal sealed partial class PagesBenchScenarios(BenchCluster cluster, HttpClient http, int exportRows, string exportFrom, IReadOnlyList<PageScenario> pages)
{
    private const string Columns = """
        SELECT c.id, c.state, c.department_code, c.opened_at, c.due_at, c.assignee_id, e.case_number, e.rating, e.comment,
               e.window_code, e.staff_code, coalesce(e.corrected_theme, e.theme)
        FROM cases c JOIN evaluations e ON e.id = c.evaluation_id
        """;

    private static readonly string[] States = ["open", "in_progress", "rectified", "closed", "appealed", "invalid", "cannot_fix_review", "cannot_fix"];

    // Fragments a person would type: a rare number from the comment, a phrase, a case number's tail.
    private static readonly string[] Searches = ["第4711号", "态度生硬", "第90210号", "材料清单", "000123457"];

    public IReadOnlyList<PageScenario> Pages => pages;

    /// <summary>
    /// Cases per state and extension request for the filter <paramref name="and"/>, each stopping at 1,001 (101 when the
    /// filter reads the rating), read along the indexes under the page's planner settings, as the page's counts are
    /// (CaseListQuery.CountsAsync); a search keeps the planner's choice there too.
    /// </summary>
    private static string Counts(string and = "", bool joined = false, bool search = false)
    {
        var groups = string.Join(" UNION ALL ",
            from state in States
            from requested in new[] { "", "NOT " }
            select $"SELECT '{state}', {(requested == "" ? "false" : "true")}, (SELECT count(*) FROM (SELECT 1 FROM cases c{(joined ? " JOIN evaluations e ON e.id = c.evaluation_id" : "")} " +
                   $"WHERE c.state = '{state}' AND c.requested_extension_days IS {requested}NULL{and} LIMIT {(joined ? 101 : 1001)}) x)");
        return search ? groups : $"""
            BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_hashjoin = off;
            SET LOCAL enable_mergejoin = off; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0;
            {groups}; COMMIT
            """;
    }

    // The cases whose comment, case number or reply holds the text, each side on its own trigram index.
    private static string Hits(string text) =>
        $"SELECT c.id FROM cases c JOIN evaluations e ON e.id = c.evaluation_id WHERE e.rating <= 2 AND (e.comment ILIKE '%{text}%' OR e.case_number ILIKE '%{text}%') " +
        $"UNION SELECT id FROM cases WHERE reply_note ILIKE '%{text}%'";

    public static async Task<PagesBenchScenarios> CreateAsync(BenchCluster cluster, HttpClient http, string url, int exportRows, CancellationToken ct)
    {
        var ids = await IdsAsync(cluster, ct);
        var page20 = await FollowNextAsync(http, "/cases?state=closed", 19, ct);
        var key = await Page20KeyAsync(cluster, ct);
        var exportFrom = await ExportFromAsync(cluster, exportRows, ct);
        // The page also counts the filter's cases per state (every filter but the state), so its bare SQL does too.
        List<PageScenario> pages =
        [
            new("/cases, first page (running first by time left)", _ => "/cases",
                _ => $"{Columns} WHERE c.state IN ('open', 'in_progress') ORDER BY c.due_at, c.id LIMIT 51; {Counts()}", "p95 ≤ 100 ms"),
            new("filtered: department + state", _ => "/cases?department=D03&state=closed",
                _ => $"{Columns} WHERE c.department_code = 'D03' AND c.state = 'closed' ORDER BY c.opened_at DESC, c.id DESC LIMIT 51; {Counts(" AND c.department_code = 'D03'")}", "p95 ≤ 100 ms"),
            new("filtered: department + theme", _ => "/cases?department=D05&theme=queue",
                _ => $"{Columns} WHERE c.department_code = 'D05' AND coalesce(e.corrected_theme, e.theme) = 'queue' ORDER BY c.opened_at DESC, c.id DESC LIMIT 51; " +
                     $"{Counts(" AND c.department_code = 'D05' AND coalesce(e.corrected_theme, e.theme) = 'queue'", joined: true)}", "p95 ≤ 100 ms"),
            new("page 20 of closed cases (keyset)", _ => page20,
                _ => $"{Columns} WHERE c.state = 'closed' AND (c.opened_at, c.id) < ('{key.OpenedAt:O}', {key.Id}) ORDER BY c.opened_at DESC, c.id DESC LIMIT 51; {Counts()}", "p95 ≤ 100 ms"),
            new("search (comment, case number, reply)", i => $"/cases?q={Uri.EscapeDataString(Searches[Index(i)])}",
                i => $"{Columns} WHERE c.id IN ({Hits(Searches[Index(i)])}) ORDER BY c.opened_at DESC, c.id DESC LIMIT 51; {Counts($" AND c.id IN ({Hits(Searches[Index(i)])})", search: true)}", "p95 ≤ 300 ms"),
            new("case page", i => $"/cases/{ids[Index(i, ids.Length)]}",
                i => $"{Columns} WHERE c.id = {ids[Index(i, ids.Length)]}; SELECT * FROM case_events WHERE case_id = {ids[Index(i, ids.Length)]} ORDER BY id; SELECT * FROM case_alerts WHERE case_id = {ids[Index(i, ids.Length)]}",
                "≤ 50 ms"),
        ];
        return new(cluster, http, exportRows, exportFrom, pages);
    }

    public async Task BareAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct))
            {
            }
        } while (await reader.NextResultAsync(ct));
    }

    /// <summary>The export of the newest <c>exportRows</c> cases end to end, beside reading the same rows with bare SQL.</summary>
    public async Task<(TimeSpan Export, TimeSpan Bare, long Bytes)> ExportAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/cases/export?format=xlsx&from={exportFrom}", HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The export answered {(int)response.StatusCode}.");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var bytes = await DrainAsync(body, ct);
        var export = clock.Elapsed;
        clock.Restart();
        await BareAsync($"{Columns} WHERE c.opened_at >= '{exportFrom}'::date ORDER BY c.opened_at DESC, c.id DESC LIMIT {exportRows}", ct);
        return (export, clock.Elapsed, bytes);
    }

    private static int Index(int i, int length = 5) => ((i % length) + length) % length;

    private static async Task<long> DrainAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int read; (read = await body.ReadAsync(buffer, ct)) > 0;)
            total += read;
        return total;
    }

    private static async Task<long[]> IdsAsync(BenchCluster cluster, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 200", connection);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetInt64(0));
        return [.. ids];
    }

    /// <summary>The URL of page n+1, reached as a person reaches it: by following 下一页 n times.</summary>
    private static async Task<string> FollowNextAsync(HttpClient http, string url, int times, CancellationToken ct)
    {
        for (var i = 0; i < times; i++)
        {
            var html = await http.GetStringAsync(url, ct);
            var next = NextLink().Match(html);
            if (!next.Success)
                throw new InvalidOperationException($"No 下一页 link on {url}.");
            url = WebUtility.HtmlDecode(next.Groups[1].Value);
        }
        return url;
    }

    private static async Task<(DateTimeOffset OpenedAt, long Id)> Page20KeyAsync(BenchCluster cluster, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT opened_at, id FROM cases WHERE state = 'closed' ORDER BY opened_at DESC, id DESC OFFSET 949 LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1));
    }

    /// <summary>The local date from which the newest cases number about <paramref name="rows"/>.</summary>
    private static async Task<string> ExportFromAsync(BenchCluster cluster, int rows, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT (opened_at AT TIME ZONE 'Asia/Shanghai')::date + 1 FROM cases ORDER BY opened_at DESC OFFSET {rows} LIMIT 1", connection);
        var date = (DateOnly)(await command.ExecuteScalarAsync(ct))!;
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("href=\"(/cases\\?[^\"]*cursor=[^\"]+)\"")]
    private static partial Regex NextLink();
}
