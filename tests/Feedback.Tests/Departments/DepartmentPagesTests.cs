using System.Globalization;
using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Web.Reports;

namespace Feedback.Tests.Departments;

/// <summary>The page as people get it: every figure equals the one recomputed from the raw rows; who sees which department.</summary>
[Collection(DepartmentCollection.Name)]
public sealed class DepartmentPagesTests(DepartmentFixture fixture)
{
    private static readonly ReportWeek Week = DepartmentFixture.Week;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Show_DepartmentHead_FiguresMatchRawRowsAndLinkToTheirCases()
    {
        using var head = await Browser.SignedInAsync(fixture.App, DepartmentFixture.HeadD01);

        var html = await head.GetStringAsync("/department", Ct);

        var load = fixture.ExpectedLoad("D01");
        Assert.Equal((N(load.Open), "/cases?department=D01&state=open,in_progress"), OverviewHtml.Chip(html, "open"));
        Assert.Equal((N(load.DueToday), "/cases?department=D01&state=open,in_progress&overdue=false&dueWithinHours=9"), OverviewHtml.Chip(html, "due_today"));
        Assert.Equal((N(load.Overdue), "/cases?department=D01&state=open,in_progress&overdue=true"), OverviewHtml.Chip(html, "overdue_now"));
        var week = fixture.Expected.Week(Week, "D01");
        foreach (var indicator in new[] { Indicators.Total, Indicators.GoodRate, Indicators.Bad, Indicators.RectifyRate, Indicators.OnTimeRate })
            Assert.Equal(indicator.Format(indicator.Compute(week)), OverviewHtml.Chip(html, indicator.Code).Value);
        Assert.Equal((N(week.Cases), "/cases?department=D01&from=2026-11-23&to=2026-11-25"), OverviewHtml.Chip(html, "cases"));
        Assert.Equal((N(week.Replied), "/cases?department=D01&state=rectified,closed&from=2026-11-23&to=2026-11-25"), OverviewHtml.Chip(html, "replied"));
        Assert.StartsWith("/cases?department=D01&state=open,in_progress,rectified,closed,appealed,cannot_fix_review,cannot_fix&from=2026-11-23",
            OverviewHtml.Chip(html, "bad").Href);
        Assert.Contains("人力资源和社会保障局 · 部门概况", html);
        Assert.DoesNotContain("<select", html);
    }

    [Fact]
    public async Task Show_DepartmentHead_EveryWindowAndStaffRowMatchesRawRows()
    {
        using var head = await Browser.SignedInAsync(fixture.App, DepartmentFixture.HeadD01);

        var html = await head.GetStringAsync("/department", Ct);

        foreach (var (code, isWindow) in Enumerable.Range(1, 5).Select(w => ($"W{w:000}", true)).Concat(Enumerable.Range(1, 15).Select(s => ($"S{s:000}", false))))
        {
            var ratings = fixture.Expected.Ratings(fixture.Expected.Rated(Week).Where(e => (isWindow ? e.Window : e.Staff) == code));
            var load = fixture.ExpectedLoad("D01", e => (isWindow ? e.Window : e.Staff) == code);
            var row = OverviewHtml.Row(html, code);
            Assert.Equal(N(ratings.Total), row["total"].Text);
            Assert.Equal(Indicators.GoodRate.Format(Indicators.GoodRate.Compute(ratings)), row["good_rate"].Text);
            Assert.Equal(N(ratings.Bad), row["bad"].Text);
            Assert.Equal(N(load.Open), row["open"].Text);
            Assert.Equal(N(load.Overdue), row["overdue"].Text);
            var unit = isWindow ? $"window={code}" : $"staff={code}";
            Assert.Equal(load.Open == 0 ? null : $"/cases?department=D01&{unit}&state=open,in_progress", row["open"].Href);
            Assert.Equal(load.Overdue == 0 ? null : $"/cases?department=D01&{unit}&state=open,in_progress&overdue=true", row["overdue"].Href);
        }
    }

    [Fact]
    public async Task Show_DepartmentHead_ThemesMatchRawRowsWithLabelsAndLinks()
    {
        using var head = await Browser.SignedInAsync(fixture.App, DepartmentFixture.HeadD01);

        var html = await head.GetStringAsync("/department", Ct);

        var expected = fixture.Expected.Rated(Week).Where(e => e.Department == "D01" && fixture.Expected.IsBad(e)).GroupBy(Reports.ExpectedFigures.Theme)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var themes = OverviewHtml.Themes(html);
        Assert.Equal(expected.Select(g => (g.Key, $"{g.Count()} 条")), themes.Select(t => (t.Theme, t.Count)));
        var queue = Assert.Single(themes, t => t.Theme == "queue");
        Assert.Equal("排队等候", queue.Label);
        Assert.Equal("/cases?department=D01&state=open,in_progress,rectified,closed,appealed,cannot_fix_review,cannot_fix&theme=queue&from=2026-11-23&to=2026-11-25", queue.Href);
        Assert.Contains($"<meter min=\"0\" max=\"{expected[0].Count()}\" value=\"{expected[0].Count()}\" aria-hidden=\"true\">", html);
    }

    [Fact]
    public async Task Show_DepartmentOfficerAskingForAnotherDepartment_SeesOwnWithNotice()
    {
        using var officer = await Browser.SignedInAsync(fixture.App, DepartmentFixture.OfficerD01);

        var response = await officer.GetAsync("/department?code=D02", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("人力资源和社会保障局 · 部门概况", html);
        Assert.DoesNotContain("医疗保障局", html);
        Assert.Contains("部门人员只能查看本部门的概况", html);
        Assert.Equal(N(fixture.ExpectedLoad("D01").Open), OverviewHtml.Chip(html, "open").Value);
        Assert.Contains("<a href=\"/department\" aria-current=\"page\">本部门</a>", html);
    }

    [Fact]
    public async Task Show_Anonymous_RedirectsToSignIn()
    {
        using var client = Browser.Open(fixture.App);

        var response = await client.GetAsync("/department?code=D01", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin?returnUrl=%2Fdepartment%3Fcode%3DD01", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Show_QualityOfficerChoosingD02_SeesD02AndTheChoice()
    {
        using var quality = await Browser.SignedInAsync(fixture.App, DepartmentFixture.Quality);

        var html = await quality.GetStringAsync("/department?code=D02", Ct);

        Assert.Contains("医疗保障局 · 部门概况", html);
        Assert.Contains("<option value=\"D02\" selected>医疗保障局</option>", html);
        Assert.Contains("<option value=\"D08\">民政局</option>", html);
        Assert.Contains("<a href=\"/department\" aria-current=\"page\">部门概况</a>", html);
        var load = fixture.ExpectedLoad("D02");
        Assert.Equal((N(load.Overdue), "/cases?department=D02&state=open,in_progress&overdue=true"), OverviewHtml.Chip(html, "overdue_now"));
        Assert.Equal(Indicators.GoodRate.Format(Indicators.GoodRate.Compute(fixture.Expected.Week(Week, "D02"))), OverviewHtml.Chip(html, "good_rate").Value);
        Assert.Equal(N(fixture.Expected.Rated(Week).Count(e => e.Window == "W006")), OverviewHtml.Row(html, "W006")["total"].Text);
    }

    [Fact]
    public async Task Show_LeaderWithoutCode_SeesTheFirstDepartment()
    {
        using var leader = await Browser.SignedInAsync(fixture.App, DepartmentFixture.Leader);

        var html = await leader.GetStringAsync("/department", Ct);

        Assert.Contains("人力资源和社会保障局 · 部门概况", html);
        Assert.Contains("<option value=\"D01\" selected>", html);
    }

    [Fact]
    public async Task Show_QualityOfficerUnknownCode_NotFoundInChineseWithTheChoice()
    {
        using var quality = await Browser.SignedInAsync(fixture.App, DepartmentFixture.Quality);

        var response = await quality.GetAsync("/department?code=%3Cb%3EX", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("没有编号为“&lt;b&gt;X”的部门，请从列表中选择。", html);
        Assert.Contains("<option value=\"D01\">", html);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
