using System.Globalization;
using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Cases;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Feedback.Tests.Pages.StaffSteps;

namespace Feedback.Tests.Pages;

/// <summary>
/// A quality officer's whole day in the browser, from the home page on by clicking only: find a case in the workbench,
/// open it, assign it, decide its extension request, attach evidence, go back to the list and export it to .xlsx.
/// </summary>
[Collection(nameof(StaffPages))]
public sealed class QualityOfficerDayTests(StaffBrowser staff)
{
    private const string Assignee = "李专员";
    private const string EvidenceName = "整改后的窗口指引.png";

    [Theory]
    [InlineData("desktop", true)]
    [InlineData("phone", false)]
    public async Task QualityOfficer_WholeDayFromTheHomePage_FindsAssignsDecidesAttachesAndExportsByClicksOnly(string size, bool javaScript)
    {
        var screen = Screen.Named(size);
        var marker = $"社保卡补办材料（{size}）";
        var id = await CaseWaitingForExtensionAsync($"{marker}窗口说要回户籍地开证明，来回跑了两趟");
        var page = await staff.SignedInPageAsync(Roles.QualityOfficer, screen, javaScript);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(staff.BaseUrl)}/?$"));

        await FindAsync(page, marker, id, screen, javaScript);
        await AssignAsync(page);
        await ApproveExtensionAsync(page);
        await AttachAsync(page, id);
        await CheckAsync(page, "day-3-case-done", screen, javaScript);
        await page.GetByRole(AriaRole.Link, new() { Name = "返回工单列表" }).ClickAsync();
        await FilterDepartmentAsync(page, "D01", javaScript);
        await CheckAsync(page, "day-4-department-list", screen, javaScript);
        var listed = await ListedIdsAsync(page);
        var rows = await ExportAsync(page, $"day-5-export-{size}-{(javaScript ? "js" : "nojs")}");

        Assert.Contains(id, listed);
        Assert.Equal(listed, rows.Select(r => long.Parse(r["工单编号"], CultureInfo.InvariantCulture)));
        Assert.Equal(await TotalAsync(page), rows.Count);
        Assert.All(rows, r => Assert.Equal("D01", r["部门代码"]));
        var exported = rows.Single(r => r["工单编号"] == id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Assignee, exported["承办人"]);
        Assert.DoesNotContain("延期待审核", exported["状态"]);
        SkipIfUnchecked(page);
    }

    /// <summary>A D01 case whose department officer asked for two more working days, over the API as the officer's own page would.</summary>
    private async Task<long> CaseWaitingForExtensionAsync(string comment)
    {
        var id = await staff.App.OpenCaseAsync(comment: comment);
        using var officer = await Browser.SignedInAsync(staff.App, StaffBrowser.People[Roles.DepartmentOfficer].UserName);
        await officer.ActOkAsync(id, CaseAction.RequestExtension, "需业务科室复核户籍证明的要求", workingDays: 2);
        return id;
    }

    /// <summary>工单 in the navigation, words of the comment in the search box, then the 待审核 chip: the one case is left.</summary>
    private static async Task FindAsync(IPage page, string marker, long id, Screen screen, bool javaScript)
    {
        await NavigateAsync(page, "/cases");
        await page.Locator("#q").FillAsync(marker);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q="));
        await page.Locator(".workbench-chips a").Filter(new() { HasTextRegex = new Regex("^\\s*待审核") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]state=review"));
        Assert.Equal([id], await ListedIdsAsync(page));
        await CheckAsync(page, "day-1-found", screen, javaScript);
        await page.Locator($"main a[href='/cases/{id}']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}$"));
        await CheckAsync(page, "day-2-case", screen, javaScript);
    }

    private static async Task AssignAsync(IPage page)
    {
        await page.Locator("#assigneeId").SelectOptionAsync(new SelectOptionValue { Label = $"{Assignee}（部门专员）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "指派", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".ok")).ToHaveTextAsync("已指定承办人。");
        await Assertions.Expect(page.Locator("table.fields tr").Filter(new() { HasText = "承办人" }).Locator("strong")).ToHaveTextAsync(Assignee);
    }

    private static async Task ApproveExtensionAsync(IPage page)
    {
        var decision = page.Locator(".pending").Filter(new() { HasText = "延期申请待审核：2 个工作日" });
        await Assertions.Expect(decision.Locator("blockquote")).ToHaveTextAsync("需业务科室复核户籍证明的要求");
        await decision.Locator("#note-approve_extension").FillAsync("户籍证明要求须复核，同意延期两个工作日");
        await decision.GetByRole(AriaRole.Button, new() { Name = "同意延期" }).ClickAsync();

        await Assertions.Expect(page.Locator(".ok")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator(".pending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "整改", Exact = true })).ToContainTextAsync("已延期 1 次");
    }

    private static async Task AttachAsync(IPage page, long id)
    {
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = EvidenceName, MimeType = "image/png", Buffer = EvidenceSamples.Png(640, 480) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".ok")).ToHaveTextAsync("已上传整改佐证。");
        var line = page.Locator("table.timeline tbody tr").Filter(new() { HasText = "上传整改佐证" });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line.Locator("a.file")).ToContainTextAsync(EvidenceName);
        Assert.StartsWith($"/cases/{id}/attachments/", await line.Locator("a.file").GetAttributeAsync("href"));
        await Assertions.Expect(line.Locator("img.thumb")).ToHaveCountAsync(1);
        // The thumbnails load after the page; the screenshot that follows should show them.
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>The department under 更多条件: the script applies it on change; without it, 筛选 does.</summary>
    private static async Task FilterDepartmentAsync(IPage page, string department, bool javaScript)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases$"));
        if (await page.Locator("details.workbench-more[open]").CountAsync() == 0)
            await page.Locator("details.workbench-more > summary").ClickAsync();
        await page.Locator("#department").SelectOptionAsync(department);
        if (!javaScript)
            await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]department={department}"));
        await Assertions.Expect(page.Locator("a[rel='next']")).ToHaveCountAsync(0);
    }

    private static async Task<List<long>> ListedIdsAsync(IPage page) =>
        [.. (await HrefsAsync(page.Locator("table.workbench-table tbody tr td:first-child a"))).Select(h => long.Parse(h["/cases/".Length..], CultureInfo.InvariantCulture))];

    private static async Task<int> TotalAsync(IPage page)
    {
        var heading = await page.Locator("h1").InnerTextAsync();
        return int.Parse(Regex.Match(heading, @"共 ([\d,]+) 件").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>导出 Excel as a person presses it; the file is kept beside the screenshots and read back with MiniExcel.</summary>
    private static async Task<List<Dictionary<string, string>>> ExportAsync(IPage page, string name)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        var path = Path.Combine(StaffBrowser.ScreenshotDirectory, $"{name}-export.xlsx");
        await download.SaveAsAsync(path);

        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        return [.. MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(row => row.ToDictionary(c => c.Key, c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? ""))];
    }
}
