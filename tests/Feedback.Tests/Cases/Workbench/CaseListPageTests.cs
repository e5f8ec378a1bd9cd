using System.Net;
using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;

namespace Feedback.Tests.Cases.Workbench;

/// <summary>/cases: the same cases as the API, pages by 下一页, chips per state, scoping, and bad filters in Chinese.</summary>
public sealed partial class CaseListPageTests(WorkbenchData data) : IClassFixture<WorkbenchData>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=department")]
    [InlineData("state=closed&state=rectified&sort=received")]
    public async Task CasesPage_FollowingNextLinks_ShowsTheApisListPageByPage(string query)
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);
        var expected = await data.App.Admin.AllAsync(query, limit: 500);

        var shown = new List<long>();
        var url = $"/cases?{query}";
        string html;
        do
        {
            html = await quality.GetStringAsync(url, Ct);
            shown.AddRange(CaseLinks().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        } while (NextLink().Match(html) is { Success: true } next && (url = WebUtility.HtmlDecode(next.Groups[1].Value)) is not null);

        Assert.Equal(expected.Select(c => c.Id), shown);
        Assert.Contains($"共 {expected.Count} 件", html);
    }

    [Fact]
    public async Task CasesPage_FirstPage_HasFiftyCasesANextLinkAndNoWayBack()
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);

        var first = await quality.GetStringAsync("/cases", Ct);
        var second = await quality.GetStringAsync(WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value), Ct);

        Assert.Equal(50, CaseLinks().Matches(first).Count);
        Assert.DoesNotContain("回到第一页", first);
        Assert.Contains("回到第一页", second);
        Assert.Equal(WorkbenchData.Count - 50, CaseLinks().Matches(second).Count);
        Assert.DoesNotMatch(NextLink(), second);
    }

    [Fact]
    public async Task CasesPage_StateChips_CountAndLinkEachStateForTheOtherFilters()
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);
        var rows = (await data.RowsAsync()).Where(r => r.Department == "D02").ToList();

        var html = await quality.GetStringAsync("/cases?department=D02&state=open", Ct);

        Assert.Equal((rows.Count(r => r.State == "closed"), false), Chip(html, "/cases?state=closed&amp;department=D02", "已回访"));
        Assert.Equal((rows.Count, false), Chip(html, "/cases?department=D02", "全部"));
        Assert.Equal((rows.Count(r => r.State == "open"), true), Chip(html, "/cases?state=open&amp;department=D02", "待核实"));
        Assert.Contains($"共 {rows.Count(r => r.State == "open")} 件", html);
    }

    [Fact]
    public async Task CasesPage_ShortSearch_ListsMatchesWithoutCountingThem()
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);
        var expected = (await data.RowsAsync()).Count(r => r.Comment.Contains("窗口", StringComparison.Ordinal));

        var html = await quality.GetStringAsync("/cases?q=%E7%AA%97%E5%8F%A3", Ct);

        Assert.Equal(expected, Ids(html).Count);
        Assert.Contains("共 1,000 件以上", html);
        Assert.Contains("未逐一计数", html);
    }

    [Fact]
    public async Task CasesPage_DepartmentOfficer_NeverSeesAnotherDepartmentEvenWhenAskingForIt()
    {
        var rows = await data.RowsAsync();
        using var officer = await data.App.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var own = await officer.GetStringAsync("/cases?sort=received", Ct);
        var asked = await officer.GetStringAsync("/cases?department=D02", Ct);
        var search = await officer.GetStringAsync($"/cases?q={WorkbenchData.CaseNumber(1)}", Ct);

        Assert.Equal(rows.Where(r => r.Department == "D01").OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).Select(r => r.Id), Ids(own));
        Assert.Empty(Ids(asked));
        Assert.Contains("共 0 件", asked);
        Assert.Empty(Ids(search));
        Assert.DoesNotContain("name=\"department\"", own);
    }

    [Fact]
    public async Task CasesPage_AssigneeMe_ListsTheSignedInPersonsCases()
    {
        var rows = await data.RowsAsync();
        using var officer = await Browser.SignedInAsync(data.App, "wb.officer.d01");

        var mine = await officer.GetStringAsync("/cases?assignee=me&sort=received", Ct);

        var expected = rows.Where(r => r.AssigneeId == data.OfficerD01).OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(mine));
        Assert.Contains("李承办", mine);
    }

    [Theory]
    [InlineData("/cases?state=open%00")]
    [InlineData("/cases?q=%00")]
    [InlineData("/cases?cursor=AAAA%00")]
    public async Task CasesPage_ControlCharacterInAFilter_IsTheChinese400Page(string url)
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);

        var response = await quality.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        // The request guard answers before the page: no person types a NUL, so no form is kept for it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Theory]
    [InlineData("/cases?state=done", "未知的状态“done”")]
    [InlineData("/cases?dueWithinHours=-5", "剩余时间须为 0 到")]
    [InlineData("/cases?from=2026-02-30", "开始日期应为日期")]
    [InlineData("/cases?from=2026-11-24&to=2026-11-01", "结束日期早于开始日期")]
    [InlineData("/cases?cursor=garbage", "翻页位置无效")]
    [InlineData("/cases?department=D99", "没有代码为“D99”的部门")]
    [InlineData("/cases?assignee=-1", "承办人只能是")]
    [InlineData("/cases?overdue=1", "是否超期")]
    [InlineData("/cases/export?format=pdf", "导出格式只能是")]
    [InlineData("/cases/export?format=csv&sort=x", "排序方式只能是")]
    public async Task CasesPage_BadFilter_ShowsTheReasonInChineseWith400(string url, string message)
    {
        using var quality = await data.App.SignedInAsAsync(Roles.QualityOfficer);

        var response = await quality.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, html);
        Assert.Contains("筛选条件有误", html);
        Assert.Contains("<form method=\"get\" action=\"/cases\"", html);
    }

    [Fact]
    public async Task CasesPage_WithoutSignIn_RedirectsToSignIn()
    {
        using var browser = Browser.Open(data.App);

        var page = await browser.GetAsync("/cases", Ct);
        var export = await browser.GetAsync("/cases/export?format=csv", Ct);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (page.StatusCode, export.StatusCode));
    }

    private static List<long> Ids(string html) =>
        [.. CaseLinks().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The count on the chip linking to <paramref name="href"/>, and whether it is marked as the current choice.</summary>
    private static (int Count, bool Current) Chip(string html, string href, string label)
    {
        var chip = Regex.Match(html, $"<a href=\"{Regex.Escape(href)}\"( aria-current=\"true\")?>\\s*{label}\\s*<span class=\"n\">(\\d+)</span>");
        Assert.True(chip.Success, $"No chip {label} linking to {href}.");
        return (int.Parse(chip.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), chip.Groups[1].Success);
    }

    [GeneratedRegex("<a href=\"/cases/(\\d+)\">#")]
    private static partial Regex CaseLinks();

    // The same expression the pages benchmark follows.
    [GeneratedRegex("href=\"(/cases\\?[^\"]*cursor=[^\"]+)\"")]
    private static partial Regex NextLink();
}
