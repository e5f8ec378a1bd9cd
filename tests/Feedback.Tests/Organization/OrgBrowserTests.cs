using Feedback.Tests.Accounts;
using Feedback.Tests.Admin;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using System.Text.RegularExpressions;
using Feedback.Web.Organization;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Feedback.Tests.Organization;

/// <summary>An admin imports the organisation from a file with its preview, confirms, and downloads a poster, in a real browser.</summary>
public sealed class OrgBrowserTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Theory]
    [InlineData(1366, 768, "desk")]
    [InlineData(390, 844, "phone")]
    public async Task Admin_ImportsWithPreviewThenDownloadsTheNewWindowsPoster(int width, int height, string device)
    {
        var number = width < 600 ? 2 : 1;
        var window = $"W5{number:00}";
        var name = $"org-admin-{device}";
        await Browser.CreateUserAsync(browser.App, name, Roles.Admin, displayName: "组织管理员");
        var file = Path.Combine(Path.GetTempPath(), $"centre-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D20", "示范市大数据发展管理局", "113301000025000210", "330100")],
            [new WindowRow(window, $"K{number:00}", "数据共享综合窗口", "D20", "四楼K区")],
            [new StaffRow($"S5{number:00}", "欧阳晓燕", "D20", window)],
            [new ServiceItemRow($"I5{number:00}", "公共数据申请", "D20", ServiceItemKinds.Promised, 5)])), TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync(width, height);

        await page.GotoAsync("/signin");
        await page.Locator("#userName").FillAsync(name);
        await page.Locator("#password").FillAsync(Browser.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.GotoAsync("/admin/org/import");
        await Shot(page, device, "1-upload");
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("导入预览");
        await Assertions.Expect(page.Locator("table.cards")).ToContainTextAsync("数据共享综合窗口");
        await Shot(page, device, "2-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("新增");
        await Shot(page, device, "3-imported");

        await page.GotoAsync($"/admin/posters?q={window}");
        await Shot(page, device, "4-posters");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"a[href*='window={window}'][href*='format=png']").ClickAsync());
        var poster = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        File.Delete(file);

        Assert.Equal($"qr-{window}.png", download.SuggestedFilename);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], poster[..4]);
        Assert.True(poster.Length > 20_000);
        await File.WriteAllBytesAsync(Path.Combine(PhoneBrowser.ScreenshotDirectory, $"org-{device}-5-poster.png"), poster, TestContext.Current.CancellationToken);

        // A citizen scans the new window's poster (its link, as the poster's QR code carries it) and gives a bad rating.
        var citizen = await browser.NewPageAsync(390, 844);
        await citizen.GotoAsync($"/r/{await browser.App.SignAsync(QrLink.Poster(window, $"S5{number:00}"))}");
        await Assertions.Expect(citizen.Locator("body")).ToContainTextAsync("示范市大数据发展管理局");
        await citizen.Locator("label.choice", new() { HasTextRegex = new Regex("^非常不满意$") }).ClickAsync();
        await citizen.Locator("label.choice", new() { HasTextRegex = new Regex("^服务态度差效率低$") }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToContainTextAsync("感谢您的评价");

        Assert.Equal(1, await browser.App.ScalarAsync(
            "SELECT count(*) FROM cases c JOIN evaluations e ON e.id = c.evaluation_id WHERE c.department_code = 'D20' AND e.window_code = $1", window));
    }

    [Fact]
    public async Task Admin_BadFileAndEmptyForm_SeeWhatToFix()
    {
        await Browser.CreateUserAsync(browser.App, "org-admin-errors", Roles.Admin, displayName: "组织管理员");
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D21", "某局", "9144030071526726XH")], [new WindowRow("W521", "K21", "=HYPERLINK(\"x\")", "D21")],
            [new StaffRow("S521", "王五", "D22", "W001")])), TestContext.Current.CancellationToken);
        var phone = await browser.NewPageAsync(390, 844);
        var desk = await browser.NewPageAsync(1366, 768);
        foreach (var page in new[] { phone, desk })
        {
            await page.GotoAsync("/signin");
            await page.Locator("#userName").FillAsync("org-admin-errors");
            await page.Locator("#password").FillAsync(Browser.Password);
            await page.Locator("form button[type=submit]").ClickAsync();
        }

        await phone.GotoAsync("/admin/org/import");
        await phone.Locator("#file").SetInputFilesAsync(file);
        await phone.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Assertions.Expect(phone.Locator("ol.problems li")).ToHaveCountAsync(4);
        await Shot(phone, "phone", "6-bad-file");
        await desk.GotoAsync("/admin/org/windows/new");
        await desk.Locator("#f-code").FillAsync("W 522");
        await desk.Locator("#f-number").FillAsync("K22");
        await desk.Locator("#f-name").FillAsync("=1+1");
        await desk.Locator("#f-departmentCode").SelectOptionAsync("D01");
        await desk.Locator("form.panel button[type=submit]").ClickAsync();
        File.Delete(file);

        await Assertions.Expect(desk.Locator(".field-error")).Not.ToHaveCountAsync(0);
        await Shot(desk, "desk", "7-form-errors");
        Assert.Null(await browser.App.FindAsync(OrgKind.Departments, "D21"));
    }

    private static Task Shot(IPage page, string device, string step) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(PhoneBrowser.ScreenshotDirectory, $"org-{device}-{step}.png"), FullPage = true });
}
