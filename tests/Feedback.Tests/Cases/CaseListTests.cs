using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Evaluations;
using Feedback.Web.Cases;
using Feedback.Web.Cases.Workbench;

namespace Feedback.Tests.Cases;

/// <summary>GET /api/cases: running cases first, least time left first; filters by state, overdue, time left; paging.</summary>
public sealed class CaseListTests(CasesApp app) : IClassFixture<CasesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListCases_RunningFirstThenByDeadlineWithFiltersAndPaging()
    {
        var late = await app.OpenCaseAsync("D03");
        app.Clock.Advance(TimeSpan.FromHours(2));
        var early = await app.OpenCaseAsync("D03");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var rectified = await app.OpenCaseAsync("D03");
        await app.Admin.ActOkAsync(rectified, CaseAction.Rectify, "已整改");
        var extended = await app.OpenCaseAsync("D03");
        await app.Admin.ActOkAsync(extended, CaseAction.RequestExtension, "需调取档案", workingDays: 5);
        await app.Admin.ActOkAsync(extended, CaseAction.ApproveExtension);
        // The first case is now 22 h old: 2 h left; the second 4 h, the extended one days.
        app.Clock.Advance(TimeSpan.FromHours(19));

        var all = await ListAsync("department=D03");
        var running = await ListAsync("department=D03&state=open,in_progress");
        var soon = await ListAsync("department=D03&dueWithinHours=3");
        var page = await ListAsync("department=D03&limit=2&offset=1");
        app.Clock.Advance(TimeSpan.FromHours(3));
        var overdue = await ListAsync("department=D03&overdue=true");
        var notOverdue = await ListAsync("department=D03&overdue=false");

        Assert.Equal([late, early, extended, rectified], all.Items.Select(c => c.Id));
        Assert.Equal([late, early, extended], running.Items.Select(c => c.Id));
        Assert.Equal([late], soon.Items.Select(c => c.Id));
        Assert.Equal([early, extended], page.Items.Select(c => c.Id));
        Assert.Equal(4, page.Total);
        Assert.Equal([late], overdue.Items.Select(c => c.Id));
        Assert.Equal([early, extended, rectified], notOverdue.Items.Select(c => c.Id));
        Assert.Equal(2 * 3600, all.Items[0].RemainingSeconds);
        Assert.Null(all.Items[3].RemainingSeconds);
    }

    [Theory]
    [InlineData("state=done", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("dueWithinHours=-1", "dueWithinHours")]
    public async Task ListCases_BadFilter_Returns400NamingIt(string query, string field)
    {
        await EvaluationsApiTests.AssertProblemAsync(await app.Admin.GetAsync($"/api/cases?{query}", Ct), field);
    }

    [Fact]
    public async Task ListCases_ManyCases_KeepsTheOrderAcrossTheJoin()
    {
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await app.OpenCaseAsync("D04"));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var listed = await ListAsync("department=D04&limit=500");

        Assert.Equal(HttpStatusCode.OK, (await app.Admin.GetAsync("/api/cases", Ct)).StatusCode);
        Assert.Equal(ids, listed.Items.Select(c => c.Id));
        Assert.Equal(listed.Items.OrderBy(c => c.DueAt).Select(c => c.Id), listed.Items.Select(c => c.Id));
    }

    private async Task<CaseListResponse> ListAsync(string query) => (await app.Admin.GetFromJsonAsync<CaseListResponse>($"/api/cases?{query}", Ct))!;
}
