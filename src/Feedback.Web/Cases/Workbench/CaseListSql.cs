using System.Text;
using Npgsql;

namespace Feedback.Web.Cases.Workbench;

/// <summary>One SQL statement with positional parameters ($1, $2, …).</summary>
public sealed record SqlStatement(string Text, IReadOnlyList<object> Parameters)
{
    public NpgsqlCommand CreateCommand(NpgsqlDataSource dataSource) => WithParameters(dataSource.CreateCommand(Text));

    /// <summary>A command on an open connection, in <paramref name="transaction"/> when its settings matter.</summary>
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction = null) =>
        WithParameters(new NpgsqlCommand(Text, connection, transaction));

    private NpgsqlCommand WithParameters(NpgsqlCommand command)
    {
        foreach (var value in Parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}

/// <summary>
/// The case list's SQL, built from <see cref="CaseListCriteria"/>: a keyset page (no OFFSET between pages) in each
/// sort, and the counts per state. Each sort reads along an index of the CaseWorkbench migration and stops after the
/// page: the due sort as two parts (running cases by (due_at, id) on the partial index, the others by (opened_at, id)),
/// the department sort as one (opened_at, id) range per department. Search is a trigram lookup (comment and case
/// number on the 差评 indexes, reply note) done once, as a CTE the page joins.
/// </summary>
public static class CaseListSql
{
    /// <summary>The index predicate of the running-case indexes, word for word, so that the planner can use them.</summary>
    internal const string Running = "c.state IN ('open', 'in_progress')";

    /// <summary>Columns of a row, in the order <see cref="CaseListRow.Read"/> reads them (after <c>phase</c>).</summary>
    internal const string Columns = """
        c.id, c.evaluation_id, c.department_code, c.state, c.opened_at, c.due_at, c.escalated_at, c.replied_at, c.closed_at,
        c.requested_extension_days, c.extensions, c.assignee_id, c.reply_note, e.case_number, e.rating, e.comment, e.window_code,
        e.staff_code, coalesce(e.corrected_theme, e.theme) AS theme, e.rater_phone_masked
        """;

    private const string From = "FROM cases c JOIN evaluations e ON e.id = c.evaluation_id";

    /// <summary>
    /// The page after <see cref="CaseListCriteria.Cursor"/>: <paramref name="limit"/> + 1 rows, so that the caller knows
    /// whether there is a next page. <paramref name="offset"/> is for API clients of the old paging only.
    /// </summary>
    public static SqlStatement Page(CaseListCriteria criteria, DateTimeOffset now, int limit, int offset = 0)
    {
        var p = new SqlParameters();
        var with = With(criteria, p);
        var where = Where(criteria, now, p, withStates: true);
        var take = p.Add(offset + limit + 1);
        var (parts, order) = criteria.Sort switch
        {
            CaseListSort.Due => DueParts(criteria, where, take, p),
            CaseListSort.Received => ([ReceivedPart(criteria.Cursor, where, take, p)], "p.opened_at DESC, p.id DESC"),
            _ => ([DepartmentPart(criteria.Cursor, where, take, p)], "p.department_code, p.opened_at DESC, p.id DESC"),
        };
        var union = parts.Count == 0 ? $"SELECT 1 AS phase, {Columns} {From} WHERE false" : string.Join("\nUNION ALL\n", parts);
        var text = $"""
            {with}SELECT p.*, u.display_name AS assignee_name
            FROM ({union}) p
            LEFT JOIN users u ON u.id = p.assignee_id
            ORDER BY {order}
            LIMIT {p.Add(limit + 1)} OFFSET {p.Add(offset)}
            """;
        return new(text, p.Values);
    }

    /// <summary>
    /// Cases per state, and per "an extension request waits", for every filter but the state: each group counted up to
    /// <paramref name="enough"/> by a query of its own. Each reads the (state, department) indexes from its own state
    /// and stops at the limit, so a million finished cases cost no more than a thousand; counting them all took
    /// 300-600 ms. The cases with a request waiting are few and have an index of their own.
    /// </summary>
    public static SqlStatement Counts(CaseListCriteria criteria, DateTimeOffset now, int enough)
    {
        var p = new SqlParameters();
        var with = With(criteria, p);
        var where = Where(criteria, now, p, withStates: false);
        var from = JoinsEvaluation(criteria) ? From : "FROM cases c";
        var limit = p.Add(enough);
        // The states are our constants, written into the text so that each group gets a plan for its own state.
        var groups = CaseStates.All.SelectMany(state => new[] { (State: state, Requested: false), (State: state, Requested: true) })
            .Select(g => $"""
                SELECT '{g.State}', {(g.Requested ? "true" : "false")}, (SELECT count(*) FROM (SELECT 1 {from}
                    WHERE c.state = '{g.State}' AND c.requested_extension_days IS {(g.Requested ? "NOT " : "")}NULL AND {where} LIMIT {limit}) x)
                """);
        return new($"{with}{string.Join("\nUNION ALL\n", groups)}", p.Values);
    }

    private static string With(CaseListCriteria criteria, SqlParameters p)
    {
        if (criteria.Search is null || criteria.SearchIsCommon)
            return "";
        var pattern = Pattern(criteria, p);
        // Every case has a 差评 (rating <= 2): saying so lets the partial trigram indexes answer.
        return $"""
            WITH hits AS MATERIALIZED (
                SELECT c.id FROM evaluations e JOIN cases c ON c.evaluation_id = e.id
                WHERE e.rating <= 2 AND (e.comment ILIKE {pattern} OR e.case_number ILIKE {pattern})
                UNION
                SELECT c.id FROM cases c WHERE c.reply_note ILIKE {pattern})

            """;
    }

    /// <summary>
    /// How many matches a search has, up to <paramref name="enough"/> on each side (rating, reply): each side alone
    /// answers from its trigram index and stops at the limit, so a common word costs no more than a rare one.
    /// </summary>
    public static SqlStatement SearchProbe(string search, int enough)
    {
        var p = new SqlParameters();
        var pattern = p.Add($"%{EscapeLike(search)}%");
        var limit = p.Add(enough);
        return new($"""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM evaluations e WHERE e.rating <= 2 AND (e.comment ILIKE {pattern} OR e.case_number ILIKE {pattern}) LIMIT {limit}) a)
                 + (SELECT count(*) FROM (SELECT 1 FROM cases c WHERE c.reply_note ILIKE {pattern} LIMIT {limit}) b)
            """, p.Values);
    }

    private static string Pattern(CaseListCriteria criteria, SqlParameters p) => p.Add($"%{EscapeLike(criteria.Search!)}%");

    internal static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string Where(CaseListCriteria f, DateTimeOffset now, SqlParameters p, bool withStates)
    {
        var where = new List<string> { "true" };
        if (f.ScopeDepartment is { } own) where.Add($"c.department_code = {p.Add(own)}");
        if (f.Department is { } department) where.Add($"c.department_code = {p.Add(department)}");
        if (withStates && f.FiltersState) where.Add(States(f, p));
        if (f.Window is { } window) where.Add($"e.window_code = {p.Add(window)}");
        if (f.Staff is { } staff) where.Add($"e.staff_code = {p.Add(staff)}");
        if (f.Theme is { } theme) where.Add($"coalesce(e.corrected_theme, e.theme) = {p.Add(theme)}");
        if (f.Overdue is { } overdue)
            where.Add($"{(overdue ? "" : "NOT ")}(c.escalated_at IS NOT NULL OR ({Running} AND c.due_at < {p.Add(now.ToUniversalTime())}))");
        if (f.DueWithinHours is { } hours) where.Add($"{Running} AND c.due_at <= {p.Add(now.ToUniversalTime().AddHours(hours))}");
        if (f.ReceivedFrom is { } from) where.Add($"c.opened_at >= {p.Add(from.ToUniversalTime())}");
        if (f.ReceivedBefore is { } before) where.Add($"c.opened_at < {p.Add(before.ToUniversalTime())}");
        if (f.Unassigned) where.Add("c.assignee_id IS NULL");
        else if (f.AssigneeId is { } assignee) where.Add($"c.assignee_id = {p.Add(assignee)}");
        if (f.Search is not null) where.Add(f.SearchIsCommon ? CommonSearch(f, p) : "c.id IN (SELECT id FROM hits)");
        // True of every case (only a 差评 opens one); it lets counting read the 差评 index (ix_evaluations_bad_filters)
        // instead of every rating.
        if (JoinsEvaluation(f)) where.Add("e.rating <= 2");
        return string.Join(" AND ", where);
    }

    // Tested on each case as the list is walked in order: a common text fills a page within a few rows.
    private static string CommonSearch(CaseListCriteria f, SqlParameters p)
    {
        var pattern = Pattern(f, p);
        return $"(e.comment ILIKE {pattern} OR e.case_number ILIKE {pattern} OR c.reply_note ILIKE {pattern})";
    }

    private static bool JoinsEvaluation(CaseListCriteria f) => f.FiltersEvaluation || (f.Search is not null && f.SearchIsCommon);

    private static string States(CaseListCriteria f, SqlParameters p)
    {
        var any = new List<string>();
        if (f.States.Count > 0)
            any.Add($"c.state = ANY({p.Add(f.States.ToArray())})");
        if (f.IncludesReview)
            any.Add($"c.state IN ('{CaseStates.Appealed}', '{CaseStates.CannotFixReview}') OR c.requested_extension_days IS NOT NULL");
        return $"({string.Join(" OR ", any)})";
    }

    // Running cases by deadline, then the rest newest first; a part the filter or the cursor rules out is left out.
    private static (List<string>, string) DueParts(CaseListCriteria f, string where, string take, SqlParameters p)
    {
        var parts = new List<string>();
        var cursor = f.Cursor;
        if (f.MayBeRunning && cursor is not { Phase: 1 })
        {
            var key = cursor is null ? "" : $" AND (c.due_at, c.id) > ({p.Add(cursor.At)}, {p.Add(cursor.Id)})";
            parts.Add($"(SELECT 0 AS phase, {Columns} {From} WHERE {Running} AND {where}{key} ORDER BY c.due_at, c.id LIMIT {take})");
        }
        if (f.MayBeFinished)
        {
            var key = cursor is { Phase: 1 } ? $" AND (c.opened_at, c.id) < ({p.Add(cursor.At)}, {p.Add(cursor.Id)})" : "";
            parts.Add($"(SELECT 1 AS phase, {Columns} {From} WHERE NOT {Running} AND {where}{key} ORDER BY c.opened_at DESC, c.id DESC LIMIT {take})");
        }
        const string order = "p.phase, CASE WHEN p.phase = 0 THEN p.due_at END, CASE WHEN p.phase = 0 THEN p.id END, p.opened_at DESC, p.id DESC";
        return (parts, order);
    }

    private static string ReceivedPart(CaseCursor? cursor, string where, string take, SqlParameters p)
    {
        var key = cursor is null ? "" : $" AND (c.opened_at, c.id) < ({p.Add(cursor.At)}, {p.Add(cursor.Id)})";
        return $"(SELECT 1 AS phase, {Columns} {From} WHERE {where}{key} ORDER BY c.opened_at DESC, c.id DESC LIMIT {take})";
    }

    // One newest-first range per department from the cursor's on: the cursor's department continues after its key,
    // the later ones start at their newest case ('infinity'), so each range reads its index from where it stands.
    private static string DepartmentPart(CaseCursor? cursor, string where, string take, SqlParameters p)
    {
        var (key, departments) = ("", "");
        if (cursor is not null)
        {
            var (department, at, id) = (p.Add(cursor.Department!), p.Add(cursor.At), p.Add(cursor.Id));
            key = $"""

                  AND (c.opened_at, c.id) < (CASE WHEN d.code = {department} THEN {at} ELSE 'infinity'::timestamptz END,
                                             CASE WHEN d.code = {department} THEN {id} ELSE {long.MaxValue} END)
                """;
            departments = $" WHERE d.code >= {department}";
        }
        return $"""
            (SELECT x.* FROM departments d CROSS JOIN LATERAL (
                SELECT 1 AS phase, {Columns} {From}
                WHERE c.department_code = d.code AND {where}{key}
                ORDER BY c.opened_at DESC, c.id DESC LIMIT {take}) x{departments}
            ORDER BY x.department_code, x.opened_at DESC, x.id DESC LIMIT {take})
            """;
    }

    private sealed class SqlParameters
    {
        private readonly List<object> _values = [];

        public IReadOnlyList<object> Values => _values;

        public string Add(object value)
        {
            _values.Add(value);
            return $"${_values.Count}";
        }
    }
}
