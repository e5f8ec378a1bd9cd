using Feedback.Tests.Evaluations;
using Feedback.Web.Cases.Workbench;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Cases.Workbench;

/// <summary>GET /api/cases against an oracle that reads the same cases with plain SQL and filters and sorts them in C#.</summary>
public sealed class CaseListApiTests(WorkbenchData data) : IClassFixture<WorkbenchData>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private DateTimeOffset Now => data.App.Clock.GetUtcNow();

    [Theory]
    [InlineData("due")]
    [InlineData("received")]
    [InlineData("department")]
    public async Task ListCases_FollowingNextCursor_ReturnsEveryCaseOnceInTheSortsOrder(string sort)
    {
        var rows = await data.RowsAsync();

        var listed = await data.App.Admin.AllAsync($"sort={sort}");

        Assert.Equal(WorkbenchData.Count, rows.Count);
        Assert.Equal(Ordered(rows, sort).Select(r => r.Id), listed.Select(c => c.Id));
    }

    [Theory]
    [InlineData("state=open")]
    [InlineData("state=open,closed")]
    [InlineData("state=review")]
    [InlineData("state=review&state=closed")]
    [InlineData("department=D02")]
    [InlineData("window=W001")]
    [InlineData("staff=S002")]
    [InlineData("theme=environment")]
    [InlineData("theme=queue")]
    [InlineData("overdue=true")]
    [InlineData("overdue=false")]
    [InlineData("dueWithinHours=3")]
    [InlineData("from=2026-11-23&to=2026-11-23")]
    [InlineData("from=2026-11-24")]
    [InlineData("assignee=none")]
    [InlineData("assignee=officerD01")]
    [InlineData("department=D01&state=open,in_progress&sort=received")]
    [InlineData("theme=queue&overdue=false&sort=department")]
    public async Task ListCases_EachFilter_ListsExactlyTheMatchingCasesOnEveryPage(string query)
    {
        query = query.Replace("officerD01", $"{data.OfficerD01}", StringComparison.Ordinal);
        var rows = await data.RowsAsync();
        var expected = rows.Where(Predicate(query)).ToList();

        var listed = await data.App.Admin.AllAsync(query, limit: 4);
        var first = await data.App.Admin.PageAsync(query);

        Assert.NotEmpty(expected);
        Assert.NotEqual(rows.Count, expected.Count);
        Assert.Equal(Ordered(expected, Sort(query)).Select(r => r.Id), listed.Select(c => c.Id));
        Assert.Equal(expected.Count, first.Total);
    }

    [Theory]
    [InlineData("业务不熟练", 11)]
    [InlineData("1123000017", 17)]
    [InlineData(WorkbenchData.ReplyPhrase, 13)]
    [InlineData("100%", 9)]
    [InlineData("a_b", 10)]
    public async Task ListCases_Search_FindsByCommentCaseNumberAndReply(string q, int seed)
    {
        var listed = await data.App.Admin.AllAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal([WorkbenchData.CaseNumber(seed)], listed.Select(c => c.CaseNumber));
    }

    [Theory]
    [InlineData("窗口", "due")]
    [InlineData("措施", "received")]
    [InlineData("a_", "department")]
    public async Task ListCases_ShortSearch_WalksTheListAndLeavesTheTotalUncounted(string q, string sort)
    {
        var rows = await data.RowsAsync();
        var expected = rows.Where(r => r.Comment.Contains(q, StringComparison.OrdinalIgnoreCase) || r.CaseNumber.Contains(q, StringComparison.OrdinalIgnoreCase)
            || (r.ReplyNote?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false));

        var listed = await data.App.Admin.AllAsync($"q={Uri.EscapeDataString(q)}&sort={sort}", limit: 4);
        var first = await data.App.Admin.PageAsync($"q={Uri.EscapeDataString(q)}");

        Assert.NotEmpty(listed);
        Assert.Equal(Ordered(expected, sort).Select(r => r.Id), listed.Select(c => c.Id));
        Assert.Equal((null, null), (first.Total, first.Counts));
    }

    [Fact]
    public async Task ListCases_SearchForWildcards_MatchesThemLiterally()
    {
        var percent = await data.App.Admin.PageAsync("q=%25");
        var underscore = await data.App.Admin.PageAsync("q=_");

        Assert.Equal([WorkbenchData.CaseNumber(9)], percent.Items.Select(c => c.CaseNumber));
        Assert.Equal([WorkbenchData.CaseNumber(10)], underscore.Items.Select(c => c.CaseNumber));
    }

    [Fact]
    public async Task ListCases_Counts_AreTheCasesPerStateForEveryFilterButTheState()
    {
        var rows = (await data.RowsAsync()).Where(r => r.Department == "D01").ToList();

        var page = await data.App.Admin.PageAsync("department=D01&state=closed");

        foreach (var state in Web.Cases.CaseStates.All)
            Assert.Equal(rows.Count(r => r.State == state), page.Counts![state]);
        Assert.Equal(rows.Count(r => r.State is "appealed" or "cannot_fix_review" || r.ExtensionRequested), page.Counts!["review"]);
        Assert.Equal(rows.Count(r => r.State == "closed"), page.Total);
    }

    [Fact]
    public async Task Counts_PastTheCap_StopAndSayMoreThanTheCap()
    {
        var rows = await data.RowsAsync();
        var query = data.App.Services.GetRequiredService<CaseListQuery>();
        var groups = rows.GroupBy(r => (r.State, r.ExtensionRequested)).ToList();
        var (common, rare) = (groups.MaxBy(g => g.Count())!, groups.Where(g => !g.Key.ExtensionRequested).MinBy(g => g.Count())!);
        var cap = rare.Count();
        Assert.True(common.Count() > cap + 1, "the fixture needs states of different sizes");

        var counts = await query.CountsAsync(new CaseListCriteria(), data.App.Clock.GetUtcNow(), TestContext.Current.CancellationToken, cap);

        var (many, few) = (counts.Of(common.Key.State), counts.Of(rare.Key.State));
        Assert.True(many.MoreThanCap);
        Assert.InRange(many.Value, cap, rows.Count(r => r.State == common.Key.State) - 1);
        Assert.Equal($"{many.Value}+", many.ToString());
        Assert.Equal(many.Value + 1, counts.ByName()[common.Key.State]);
        Assert.True(counts.All.MoreThanCap);
        if (rows.Count(r => r.State == rare.Key.State) <= cap)
            Assert.Equal(new CaseCount(rows.Count(r => r.State == rare.Key.State), MoreThanCap: false), few);
    }

    [Fact]
    public async Task ListCases_Items_CarryTheNamesBesideTheCodes()
    {
        var page = await data.App.Admin.PageAsync($"q={WorkbenchData.CaseNumber(0)}");

        var item = Assert.Single(page.Items);
        Assert.Equal(("D01", "人力资源和社会保障局"), (item.DepartmentCode, item.DepartmentName));
        Assert.Equal(("W001", "A01", "人力资源和社会保障局1号窗口"), (item.WindowCode, item.WindowNumber, item.WindowName));
        Assert.False(string.IsNullOrEmpty(item.StaffName));
        Assert.Equal((data.OfficerD01, "李承办"), (item.AssigneeId, item.AssigneeName));
        Assert.Equal("138****0000", item.RaterPhoneMasked);
    }

    [Theory]
    [InlineData("state=done", "state")]
    [InlineData("state=open%00", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=x", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("dueWithinHours=-1", "dueWithinHours")]
    [InlineData("dueWithinHours=99999999999", "dueWithinHours")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-24&to=2026-11-23", "to")]
    [InlineData("department=D99", "department")]
    [InlineData("window=W%00", "window")]
    [InlineData("staff=nobody", "staff")]
    [InlineData("theme=weather", "theme")]
    [InlineData("assignee=me", "assignee")]
    [InlineData("assignee=-3", "assignee")]
    [InlineData("sort=oldest", "sort")]
    [InlineData("q=%00", "q")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=%F0%9F%98%A1", "cursor")]
    public async Task ListCases_BadFilter_Returns400NamingTheField(string query, string field)
    {
        await EvaluationsApiTests.AssertProblemAsync(await data.App.Admin.GetAsync($"/api/cases?{query}", Ct), field);
    }

    [Fact]
    public async Task ListCases_CursorOfAnotherSortOrWithAnOffset_Returns400()
    {
        var due = await data.App.Admin.PageAsync("limit=3");

        var otherSort = await data.App.Admin.GetAsync($"/api/cases?sort=received&cursor={due.NextCursor}", Ct);
        var withOffset = await data.App.Admin.GetAsync($"/api/cases?offset=3&cursor={due.NextCursor}", Ct);

        await EvaluationsApiTests.AssertProblemAsync(otherSort, "cursor");
        await EvaluationsApiTests.AssertProblemAsync(withOffset, "offset");
    }

    [Fact]
    public async Task ListCases_Offset_StillPagesForOlderClients()
    {
        var all = await data.App.Admin.AllAsync("sort=received", limit: 500);

        var page = await data.App.Admin.PageAsync("sort=received&limit=5&offset=10");

        Assert.Equal(all.Skip(10).Take(5).Select(c => c.Id), page.Items.Select(c => c.Id));
    }

    private Func<CaseFacts, bool> Predicate(string query)
    {
        var conditions = new List<Func<CaseFacts, bool>>();
        foreach (var (key, value) in query.Split('&').Select(p => p.Split('=')).Select(p => (p[0], p[1])))
        {
            conditions.Add(key switch
            {
                "state" => r => value.Split(',').Any(s => s == r.State || (s == "review" && (r.State is "appealed" or "cannot_fix_review" || r.ExtensionRequested))),
                "department" => r => r.Department == value,
                "window" => r => r.Window == value,
                "staff" => r => r.Staff == value,
                "theme" => r => r.Theme == value,
                "overdue" => r => r.Overdue(Now) == bool.Parse(value),
                "dueWithinHours" => r => r.Running && r.DueAt <= Now.AddHours(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
                "from" => r => r.OpenedAt >= Local(value),
                "to" => r => r.OpenedAt < Local(value).AddDays(1),
                "assignee" => r => value == "none" ? r.AssigneeId is null : r.AssigneeId == int.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
                _ => _ => true,
            });
        }
        // Repeated state parameters are alternatives, everything else must hold together.
        var states = conditions.Where((_, i) => query.Split('&')[i].StartsWith("state=", StringComparison.Ordinal)).ToList();
        var others = conditions.Where((_, i) => !query.Split('&')[i].StartsWith("state=", StringComparison.Ordinal)).ToList();
        return r => (states.Count == 0 || states.Any(s => s(r))) && others.All(o => o(r));
    }

    private static DateTimeOffset Local(string date) => new(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static string Sort(string query) =>
        query.Split('&').FirstOrDefault(p => p.StartsWith("sort=", StringComparison.Ordinal))?[5..] ?? "due";

    internal static IEnumerable<CaseFacts> Ordered(IEnumerable<CaseFacts> rows, string sort) => sort switch
    {
        "due" => rows.Where(r => r.Running).OrderBy(r => r.DueAt).ThenBy(r => r.Id)
            .Concat(rows.Where(r => !r.Running).OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)),
        "received" => rows.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id),
        _ => rows.OrderBy(r => r.Department, StringComparer.Ordinal).ThenByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id),
    };
}
