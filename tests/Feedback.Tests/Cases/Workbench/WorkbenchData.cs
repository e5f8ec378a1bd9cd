using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Evaluations;

namespace Feedback.Tests.Cases.Workbench;

/// <summary>
/// A centre with 60 cases in three departments, spread over every state, window, staff member and theme, some received
/// at the same instant (ties the keyset must break by id), some overdue, escalated, assigned or waiting for an extension,
/// and comments a spreadsheet could read as formulas. <see cref="RowsAsync"/> reads them back plainly as the oracle.
/// </summary>
public sealed class WorkbenchData : IAsyncLifetime
{
    public const int Count = 60;
    public const string ReplyPhrase = "当场补办营业执照";
    public const string Formula = "=HYPERLINK(\"http://example.invalid\",\"点我\")";

    private static readonly string[] States =
        ["open", "in_progress", "rectified", "closed", "appealed", "invalid", "cannot_fix_review", "cannot_fix", "open", "closed"];
    private static readonly string[] Themes = ["queue", "attitude", "competence", "timeliness", "online"];
    private static readonly Dictionary<int, string> SpecialComments = new()
    {
        [5] = Formula, [6] = "+86 电话一直打不通", [7] = "@所有人 窗口没人", [8] = "-1 分，排队两小时", [9] = "100% 不满意", [10] = "a_b 材料清单不对",
        [11] = "窗口人员业务不熟练，问了三个人才说清楚",
    };

    public CasesApp App { get; } = new();
    public int OfficerD01 { get; private set; }
    public int OfficerD02 { get; private set; }

    public static string CaseNumber(int i) => $"BJ20261123{i:D6}";

    public static string Department(int i) => $"D{i % 3 + 1:00}";

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        OfficerD01 = (await Browser.CreateUserAsync(App, "wb.officer.d01", Roles.DepartmentOfficer, "D01", "李承办")).Id;
        OfficerD02 = (await Browser.CreateUserAsync(App, "wb.officer.d02", Roles.DepartmentOfficer, "D02", "王承办")).Id;
        for (var i = 0; i < Count; i++)
        {
            await OpenAsync(i);
            // Every fourth case arrives at the same instant as the one before it.
            if (i % 4 != 2)
                App.Clock.Advance(TimeSpan.FromMinutes(29));
        }
        await App.ExecuteAsync(ShapeCasesSql, OfficerD01, OfficerD02, ReplyPhrase, States);
        await App.ExecuteAsync(ShapeThemesSql, [Themes]);
        // A day later: the first cases are past their deadline, the later ones still running.
        App.MoveTo(CasesApp.DefaultStart.AddHours(26));
    }

    private async Task OpenAsync(int i)
    {
        var d = i % 3;
        var window = d * 5 + i % 5 + 1;
        var body = new Dictionary<string, object?>
        {
            ["caseNumber"] = CaseNumber(i), ["channel"] = "qr", ["rating"] = 1 + i % 2, ["departmentCode"] = Department(i),
            ["windowCode"] = $"W{window:000}", ["staffCode"] = $"S{(window - 1) * 3 + i / 3 % 3 + 1:000}",
            ["comment"] = SpecialComments.GetValueOrDefault(i, $"{Web.Demo.DemoData.Complaints[i % 20]}（第{i}件）"),
            ["rater"] = new { name = "张女士", phone = $"138{i:D8}" },
        };
        var response = await App.Ingest.PostRatingAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    // The case's place in the seed is the number at the end of its case number.
    private const string ShapeCasesSql = """
        WITH s AS (
            SELECT c.id, substr(e.case_number, 11)::int AS i FROM cases c JOIN evaluations e ON e.id = c.evaluation_id)
        UPDATE cases c SET
            state = ($4::text[])[1 + s.i % 10],
            next_alert_at = CASE WHEN ($4::text[])[1 + s.i % 10] IN ('open', 'in_progress') THEN c.next_alert_at END,
            replied_at = CASE WHEN ($4::text[])[1 + s.i % 10] IN ('rectified', 'closed') THEN c.opened_at + interval '2 hours' END,
            closed_at = CASE WHEN ($4::text[])[1 + s.i % 10] IN ('closed', 'invalid', 'cannot_fix') THEN c.opened_at + interval '3 hours' END,
            reply_note = CASE WHEN s.i = 13 THEN '已电话致歉，' || $3 WHEN ($4::text[])[1 + s.i % 10] IN ('rectified', 'closed') THEN '已联系群众整改，措施' || s.i || '号' END,
            escalated_at = CASE WHEN s.i % 7 = 0 THEN c.due_at END,
            requested_extension_days = CASE WHEN s.i % 20 = 1 THEN 3 END,
            assignee_id = CASE WHEN s.i % 6 = 0 THEN $1 WHEN s.i % 6 = 1 THEN $2 END
        FROM s WHERE s.id = c.id
        """;

    private const string ShapeThemesSql = """
        UPDATE evaluations e SET theme = ($1::text[])[1 + substr(e.case_number, 11)::int % 5],
            corrected_theme = CASE WHEN substr(e.case_number, 11)::int % 11 = 0 THEN 'environment' END
        WHERE e.case_number LIKE 'BJ20261123%'
        """;

    /// <summary>Every case as plain SQL reads it.</summary>
    public Task<List<CaseFacts>> RowsAsync() => App.QueryAsync("""
        SELECT c.id, c.department_code, c.state, c.opened_at, c.due_at, c.escalated_at, c.requested_extension_days IS NOT NULL,
               c.assignee_id, e.window_code, e.staff_code, coalesce(e.corrected_theme, e.theme), e.comment, e.case_number, c.reply_note
        FROM cases c JOIN evaluations e ON e.id = c.evaluation_id
        """, r => new CaseFacts(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetInt32(7), r.GetString(8), r.GetString(9),
        r.GetString(10), r.GetString(11), r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13)));

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A case as the oracle sees it.</summary>
public sealed record CaseFacts(
    long Id, string Department, string State, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? EscalatedAt, bool ExtensionRequested,
    int? AssigneeId, string Window, string Staff, string Theme, string Comment, string CaseNumber, string? ReplyNote)
{
    public bool Running => State is "open" or "in_progress";

    public bool Overdue(DateTimeOffset now) => EscalatedAt is not null || (Running && DueAt < now);
}

/// <summary>Reading whole lists through GET /api/cases, following nextCursor.</summary>
public static class CaseListClient
{
    public static async Task<List<Web.Cases.Workbench.CaseListItem>> AllAsync(this HttpClient client, string query, int limit = 7)
    {
        var items = new List<Web.Cases.Workbench.CaseListItem>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await client.PageAsync($"{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page.Items);
            Assert.True(page.Items.Count <= limit);
            if ((cursor = page.NextCursor) is null)
                return items;
        }
        throw new InvalidOperationException("More than 100 pages: the cursor does not advance.");
    }

    public static async Task<Web.Cases.Workbench.CaseListResponse> PageAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/cases?{query}", TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<Web.Cases.Workbench.CaseListResponse>(TestContext.Current.CancellationToken))!;
    }
}
