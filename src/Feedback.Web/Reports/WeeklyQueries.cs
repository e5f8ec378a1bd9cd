using Npgsql;

namespace Feedback.Web.Reports;

/// <summary>
/// The SQL behind a report. Each method is one statement over its own pooled connection, so independent ones run
/// on different cores; aggregation happens in PostgreSQL and only small result sets come back.
/// </summary>
internal sealed class WeeklyQueries(NpgsqlDataSource dataSource)
{
    // First evaluations in [from, to) with the flags every rating count is made of (see WeekCounts).
    private const string Rated = """
        SELECT e.evaluated_at, e.channel, e.department_code, e.window_code, e.staff_code, e.rating, e.comment, e.rater_name,
               coalesce(e.corrected_theme, e.theme, 'other') AS theme,
               e.is_default,
               e.rating >= 3 AS good,
               e.rating <= 2 AND NOT e.is_default AND i.evaluation_id IS NULL AS bad,
               e.theme_signal IS NOT DISTINCT FROM 'suspected_bad' AS suspected
        FROM evaluations e
        LEFT JOIN cases i ON i.evaluation_id = e.id AND i.state = 'invalid'
        WHERE e.evaluated_at >= @from AND e.evaluated_at < @to AND e.assess_number = 1
        """;

    // Hash, don't sort: for six grouping keys PostgreSQL guesses a group per row and would sort a million rows by text
    // keys, about ten times slower (hash aggregation spills to disk if it must). No JIT: it compiles longer than it saves.
    // No parallel workers: the statements already run side by side, one per core.
    private const string Settings = "SET LOCAL work_mem = '64MB'; SET LOCAL enable_sort = off; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0";

    // The counts of a small group of rated rows, and their sums over groups, in the order RatingCounts reads them.
    private const string GroupCounts = """
        count(*) AS total, count(*) FILTER (WHERE is_default) AS defaults, count(*) FILTER (WHERE good) AS good,
        count(*) FILTER (WHERE bad) AS bad, count(*) FILTER (WHERE suspected) AS suspected
        """;
    private const string SummedCounts = """
        coalesce(sum(total), 0)::bigint, coalesce(sum(defaults), 0)::bigint, coalesce(sum(good), 0)::bigint,
        coalesce(sum(bad), 0)::bigint, coalesce(sum(suspected), 0)::bigint
        """;

    /// <summary>好评 and all first ratings per week of [from, to), keyed by the week's index from <paramref name="from"/>: the trend needs no join.</summary>
    public Task<List<(int Week, WeekCounts Counts)>> TrendAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct, string? department = null) => ReadAsync($"""
        SELECT {Index("evaluated_at", 604800)}, count(*), count(*) FILTER (WHERE rating >= 3) FROM evaluations
        WHERE evaluated_at >= @from AND evaluated_at < @to AND assess_number = 1{InDepartment(department, "department_code")} GROUP BY 1
        """, from, to, r => (r.GetInt32(0), new WeekCounts { Total = r.GetInt64(1), Good = r.GetInt64(2) }), ct, department);

    /// <summary>
    /// The trend's counts per week of [from, to) for the centre (Department null) and every department from one scan, so
    /// that the department reports need not read the earlier weeks again.
    /// </summary>
    public Task<List<(int Week, string? Department, WeekCounts Counts)>> TrendByDepartmentAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync($"""
            SELECT {Index("evaluated_at", 604800)} AS w, CASE WHEN GROUPING(department_code) = 0 THEN department_code END, count(*), count(*) FILTER (WHERE rating >= 3)
            FROM evaluations WHERE evaluated_at >= @from AND evaluated_at < @to AND assess_number = 1
            GROUP BY GROUPING SETS ((w), (w, department_code))
            """, from, to, r => (r.GetInt32(0), Text(r, 1), new WeekCounts { Total = r.GetInt64(2), Good = r.GetInt64(3) }), ct);

    /// <summary>
    /// A week's rating counts in total and per department, window and staff member (also within each department), as
    /// <see cref="BreakdownAsync"/> rows: its Set is made the same bitmask (day, channel and theme always unused) for the
    /// same code to read both.
    /// </summary>
    public Task<List<BreakdownRow>> UnitsAsync(ReportWeek week, CancellationToken ct, string? department = null) => ReadAsync($"""
        SELECT 49 | (GROUPING(department_code, window_code, staff_code) << 1), department_code, window_code, staff_code, {SummedCounts}
        FROM (
            -- As in BreakdownAsync: one pass into a group per staff member, then the sets roll those up.
            SELECT department_code, window_code, staff_code, {GroupCounts} FROM ({RatedIn(department)}) r GROUP BY 1, 2, 3
        ) fine
        GROUP BY GROUPING SETS ((), (department_code), (window_code), (staff_code), (department_code, window_code), (department_code, staff_code))
        """, week.Start, week.End, r => new BreakdownRow(r.GetInt32(0), 0, null, Text(r, 1), Text(r, 2), Text(r, 3), null, RatingCounts(r, 4)), ct, department);

    /// <summary>
    /// Ratings of [from, to) in total and broken down five ways, and the same breakdown within each department (so that
    /// one pass serves every department's report); <c>Set</c> is PostgreSQL's GROUPING() bitmask of the unused keys,
    /// <c>Day</c> counts from <paramref name="firstDay"/> (the day of the week <paramref name="from"/> starts).
    /// With a <paramref name="department"/>, only its ratings: the same figures the report shows for it.
    /// </summary>
    public Task<List<BreakdownRow>> BreakdownAsync(DateTimeOffset from, DateTimeOffset to, int firstDay, string? department, CancellationToken ct) => ReadAsync($"""
        SELECT GROUPING(day, channel, department_code, window_code, staff_code, theme), day, channel, department_code, window_code, staff_code, theme,
               {SummedCounts}
        FROM (
            -- One pass over the rows into small groups (a theme only on 差评); the grouping sets then roll up those groups.
            SELECT {Index("evaluated_at", 86400)} AS day, channel, department_code, window_code, staff_code, CASE WHEN bad THEN theme END AS theme,
                   {GroupCounts}
            FROM ({RatedIn(department)}) r GROUP BY 1, 2, 3, 4, 5, 6
        ) fine
        GROUP BY GROUPING SETS ((), (day, channel), (department_code), (window_code), (staff_code), (department_code, theme),
                                (department_code, day, channel), (department_code, window_code), (department_code, staff_code))
        """, from, to, r => new BreakdownRow(
            r.GetInt32(0), r.IsDBNull(1) ? 0 : firstDay + r.GetInt32(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), RatingCounts(r, 7)), ct, department);

    /// <summary>
    /// Rating counts of [from, to) in total and per department only, as <see cref="BreakdownAsync"/> rows of the sets
    /// <see cref="BreakdownSets.Whole"/> and <see cref="BreakdownSets.ByDepartment"/>: the same counts from one small
    /// aggregation, for the live overview, which needs no finer breakdown.
    /// </summary>
    public Task<List<BreakdownRow>> DepartmentCountsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) => ReadAsync($"""
        SELECT CASE WHEN GROUPING(department_code) = 1 THEN {BreakdownSets.Whole} ELSE {BreakdownSets.ByDepartment} END, department_code, {GroupCounts}
        FROM ({Rated}) r GROUP BY GROUPING SETS ((), (department_code))
        """, from, to, r => new BreakdownRow(r.GetInt32(0), 0, null, Text(r, 1), null, null, null, RatingCounts(r, 2)), ct);

    /// <summary>差评 per theme for the centre (Department null) and within each department.</summary>
    public Task<List<(string? Department, string Theme, long Count)>> BadThemesAsync(ReportWeek week, CancellationToken ct, string? department = null) => ReadAsync($"""
        SELECT department_code, theme, count(*) FROM ({RatedIn(department)}) r WHERE bad
        GROUP BY GROUPING SETS ((theme), (department_code, theme))
        """, week.Start, week.End, r => (Text(r, 0), r.GetString(1), r.GetInt64(2)), ct, department);

    /// <summary>
    /// The most detailed 差评 comment of each theme, for the centre (Scope null) and within each department: each such
    /// rating is read once per scope it counts in (差评 are few), so one pass serves every department's report.
    /// </summary>
    public Task<List<(string? Scope, CommentRow Row)>> CommentsAsync(ReportWeek week, CancellationToken ct, string? department = null) => ReadAsync($"""
        SELECT DISTINCT ON (s.scope, theme) s.scope, theme, rating, department_code, comment, rater_name
        FROM ({RatedIn(department)}) r CROSS JOIN LATERAL (VALUES (NULL::text), (r.department_code)) s(scope)
        WHERE bad AND length(btrim(comment)) >= 4
        ORDER BY s.scope, theme, length(comment) DESC, evaluated_at DESC
        """, week.Start, week.End, r => (Text(r, 0), new CommentRow(r.GetString(1), r.GetInt16(2), r.GetString(3), r.GetString(4), Text(r, 5))), ct, department);

    /// <summary>
    /// The week's 疑似差评 (good first ratings flagged suspected_bad), most confident complaint first, each text once (the
    /// newest rating that wrote it): the quality office's review list, with the polarity confidence that flagged it; for
    /// the centre (Scope null) and within each department, at most <paramref name="limit"/> each.
    /// </summary>
    public Task<List<(string? Scope, SuspectedRow Row)>> SuspectedAsync(ReportWeek week, int limit, CancellationToken ct, string? department = null) => ReadAsync($"""
        SELECT scope, department_code, rating, comment, rater_name, polarity_confidence FROM (
            SELECT *, row_number() OVER (PARTITION BY scope ORDER BY polarity_confidence DESC NULLS LAST, id DESC) AS place FROM (
                SELECT DISTINCT ON (s.scope, comment) s.scope, id, department_code, rating, comment, rater_name, polarity_confidence
                FROM evaluations e CROSS JOIN LATERAL (VALUES (NULL::text), (e.department_code)) s(scope)
                WHERE evaluated_at >= @from AND evaluated_at < @to AND assess_number = 1 AND theme_signal = 'suspected_bad' AND comment IS NOT NULL{InDepartment(department, "department_code")}
                ORDER BY s.scope, comment, polarity_confidence DESC NULLS LAST, id DESC
            ) flagged
        ) ranked
        WHERE place <= {limit} ORDER BY scope, place
        """, week.Start, week.End, r => (Text(r, 0), new SuspectedRow(r.GetString(1), r.GetInt16(2), r.GetString(3), Text(r, 4), r.IsDBNull(5) ? null : r.GetFloat(5))), ct, department);

    /// <summary>
    /// Case counts per week of opening in [from, to), in total (Department null) and per department; with a
    /// <paramref name="department"/>, of its cases only.
    /// </summary>
    public Task<List<(int Week, string? Department, WeekCounts Counts)>> CaseWeeksAsync(DateTimeOffset from, DateTimeOffset to, string? department, CancellationToken ct) => ReadAsync($"""
        SELECT {Index("opened_at", 604800)} AS w, department_code, count(*),
               count(*) FILTER (WHERE state = 'invalid'),
               count(*) FILTER (WHERE state <> 'invalid' AND replied_at IS NOT NULL),
               count(*) FILTER (WHERE state <> 'invalid' AND replied_at <= due_at),
               count(*) FILTER (WHERE state <> 'invalid' AND escalated_at IS NOT NULL),
               count(*) FILTER (WHERE state <> 'invalid' AND closed_at IS NOT NULL),
               count(*) FILTER (WHERE state <> 'invalid' AND closed_at IS NOT NULL AND follow_up_satisfaction >= 3),
               count(*) FILTER (WHERE EXISTS (SELECT FROM case_events e WHERE e.case_id = cases.id AND e.action = 'appeal'))
        FROM cases WHERE opened_at >= @from AND opened_at < @to{(department is null ? "" : " AND department_code = @department")}
        GROUP BY GROUPING SETS ((w), (w, department_code))
        """, from, to, r => (r.GetInt32(0), Text(r, 1), new WeekCounts
        {
            Cases = r.GetInt64(2), Invalid = r.GetInt64(3), Replied = r.GetInt64(4), RepliedOnTime = r.GetInt64(5),
            Overdue = r.GetInt64(6), Closed = r.GetInt64(7), Satisfied = r.GetInt64(8), Appeals = r.GetInt64(9),
        }), ct, department);

    /// <summary>
    /// The week's escalated cases, earliest deadline first, with the heads of the owning department: at most
    /// <paramref name="limit"/> for the centre (Scope null) and as many within each department.
    /// </summary>
    public Task<List<(string? Scope, OverdueCase Case)>> OverdueAsync(ReportWeek week, int limit, CancellationToken ct, string? department = null) => ReadAsync($"""
        SELECT scope, id, name, owners, state, opened_at, due_at, replied_at FROM (
            SELECT s.scope, o.*, row_number() OVER (PARTITION BY s.scope ORDER BY o.due_at, o.id) AS place FROM (
                SELECT c.id, c.department_code, d.name, coalesce(string_agg(u.display_name, '、' ORDER BY u.display_name), '') AS owners, c.state,
                       c.opened_at, c.due_at, c.replied_at
                FROM cases c
                JOIN departments d ON d.code = c.department_code
                LEFT JOIN users u ON u.department_code = c.department_code AND u.role = 'department_head'
                WHERE c.opened_at >= @from AND c.opened_at < @to AND c.escalated_at IS NOT NULL AND c.state <> 'invalid'{InDepartment(department, "c.department_code")}
                GROUP BY c.id, d.name
            ) o CROSS JOIN LATERAL (VALUES (NULL::text), (o.department_code)) s(scope)
        ) ranked
        WHERE place <= {limit} ORDER BY scope, place
        """, week.Start, week.End, r => (Text(r, 0), new OverdueCase(r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7))), ct, department);

    /// <summary>Display names: departments by code, windows and staff with their department's or window's name.</summary>
    public async Task<OrgNames> NamesAsync(CancellationToken ct)
    {
        var departments = await ReadAsync("SELECT code, name, '' FROM departments", ct);
        var windows = await ReadAsync("SELECT w.code, w.number || ' ' || w.name, d.name FROM windows w JOIN departments d ON d.code = w.department_code", ct);
        var staff = await ReadAsync("""
            SELECT s.code, s.name, coalesce(w.number || ' ' || w.name, d.name)
            FROM staff s JOIN departments d ON d.code = s.department_code LEFT JOIN windows w ON w.code = s.window_code
            """, ct);
        var heads = await ReadAsync("""
            SELECT d.code, string_agg(u.display_name, '、' ORDER BY u.display_name), ''
            FROM departments d JOIN users u ON u.department_code = d.code AND u.role = 'department_head' GROUP BY d.code
            """, ct);
        return new(departments, windows, staff, heads);
    }

    private Task<List<(string Code, string Name, string Parent)>> ReadAsync(string sql, CancellationToken ct) =>
        ReadAsync(sql, null, null, r => (r.GetString(0), r.GetString(1), r.GetString(2)), ct);

    private static string InDepartment(string? department, string column) => department is null ? "" : $" AND {column} = @department";

    private static string RatedIn(string? department) => department is null ? Rated : Rated + " AND e.department_code = @department";

    /// <summary>Whole periods of <paramref name="seconds"/> from @from; float arithmetic, as numeric division is slow over a million rows.</summary>
    private static string Index(string column, int seconds) => $"floor(date_part('epoch', {column} - @from) / {seconds})::int";

    private async Task<List<T>> ReadAsync<T>(string sql, DateTimeOffset? from, DateTimeOffset? to, Func<NpgsqlDataReader, T> map, CancellationToken ct,
        string? department = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var settings = new NpgsqlCommand(Settings, connection, transaction))
            await settings.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        if (from is { } start && to is { } end)
        {
            command.Parameters.AddWithValue("from", start.ToUniversalTime());
            command.Parameters.AddWithValue("to", end.ToUniversalTime());
        }
        if (department is not null)
            command.Parameters.AddWithValue("department", department);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static WeekCounts RatingCounts(NpgsqlDataReader r, int at) => new()
    {
        Total = r.GetInt64(at), Default = r.GetInt64(at + 1), Good = r.GetInt64(at + 2), Bad = r.GetInt64(at + 3), SuspectedBad = r.GetInt64(at + 4),
    };
}

internal sealed record CommentRow(string Theme, short Rating, string Department, string Comment, string? RaterName);

internal sealed record SuspectedRow(string Department, short Rating, string Comment, string? RaterName, float? Confidence);

internal sealed record OrgNames(
    IReadOnlyList<(string Code, string Name, string Parent)> Departments,
    IReadOnlyList<(string Code, string Name, string Parent)> Windows,
    IReadOnlyList<(string Code, string Name, string Parent)> Staff,
    IReadOnlyList<(string Code, string Name, string Parent)> Heads);
