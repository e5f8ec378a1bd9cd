using System.Text.RegularExpressions;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Organization;
using Feedback.Web.Accounts;
using Feedback.Web.Organization;
using Microsoft.Playwright;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Feedback.Tests.Admin;

/// <summary>
/// A centre's first day in a real browser, from an empty database: the first admin is created with the command, imports
/// the organisation with its preview, creates a department officer and downloads a window's poster; a citizen scans the
/// poster's QR code and rates badly; the officer, after choosing their own password, finds the case in their list.
/// Only the first admin's command and the scan of the printed poster happen outside the pages.
/// </summary>
public sealed class FirstCentreBrowserTests(EmptyCentreBrowser browser) : IClassFixture<EmptyCentreBrowser>
{
    private const string AdminPassword = "centre opening day 2026";
    private const string OfficerPassword = "wang fang own password";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyCentre_AdminImportsAndCreatesOfficer_PosterScanRatedBadly_OfficerFindsTheCase()
    {
        var admin = await browser.NewPageAsync(AdminBrowser.Laptop);
        await admin.GotoAsync("/signin");
        await Assertions.Expect(admin.Locator(".first-run")).ToContainTextAsync(FirstRun.Arguments);
        await AdminBrowser.ScreenshotBothAsync(admin, "01-signin-no-users");

        var cli = await WebProcess.RunToolAsync(browser.App.ConnectionString, ["user", "create", "--name", "admin", "--role", Roles.Admin], Ct,
            new Dictionary<string, string> { [UserCommands.PasswordVariable] = AdminPassword });
        Assert.True(cli.ExitCode == 0, cli.Error);

        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator(".first-run")).ToHaveCountAsync(0);
        await SignInAsync(admin, "admin", AdminPassword);
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.notice")).ToContainTextAsync("还没有组织机构");
        await AdminBrowser.ScreenshotBothAsync(admin, "02-admin-home-empty");

        await ImportOrganisationAsync(admin);
        var temporary = await CreateOfficerAsync(admin);
        var posterUrl = await DownloadPosterAsync(admin);

        var citizen = await browser.NewPageAsync(AdminBrowser.Phone);
        Assert.StartsWith("http://127.0.0.1:5080/r/", posterUrl);
        await citizen.GotoAsync(new Uri(posterUrl).PathAndQuery);
        await Assertions.Expect(citizen.Locator("body")).ToContainTextAsync("数据共享综合窗口");
        await citizen.Locator("label.choice", new() { HasTextRegex = new Regex("^非常不满意$") }).ClickAsync();
        await citizen.Locator("label.choice", new() { HasTextRegex = new Regex("^服务态度差效率低$") }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToContainTextAsync("感谢您的评价");

        var officer = await browser.NewPageAsync(AdminBrowser.Phone);
        await officer.GotoAsync("/");
        await SignInAsync(officer, "wang.fang", temporary);
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("请设置您自己的密码");
        await AdminBrowser.ScreenshotBothAsync(officer, "07-forced-password");
        await officer.GetByLabel("临时密码").FillAsync(temporary);
        await officer.GetByLabel("新密码", new() { Exact = true }).FillAsync(OfficerPassword);
        await officer.GetByLabel("再次输入新密码").FillAsync(OfficerPassword);
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await officer.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "工单", Exact = true }).ClickAsync();

        var rows = officer.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("示范市大数据发展管理局K01");
        await AdminBrowser.ScreenshotBothAsync(officer, "08-officer-cases");
        Assert.Equal(1, await browser.App.ScalarAsync("SELECT count(*) FROM cases WHERE department_code = 'D20'"));

        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
        await admin.Locator("a[href='/admin/audit']").ClickAsync();
        await AdminBrowser.ScreenshotBothAsync(admin, "09-audit");
        await Assertions.Expect(admin.Locator("table.audit tbody tr").First).ToContainTextAsync("本人修改密码");
    }

    private static async Task ImportOrganisationAsync(IPage admin)
    {
        var file = Path.Combine(Path.GetTempPath(), $"first-centre-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D20", "示范市大数据发展管理局", "113301000025000210", "330100")],
            [new WindowRow("W501", "K01", "数据共享综合窗口", "D20", "四楼K区")],
            [new StaffRow("S501", "欧阳晓燕", "D20", "W501")],
            [new ServiceItemRow("I501", "公共数据申请", "D20", ServiceItemKinds.Promised, 5)])), Ct);
        try
        {
            await admin.Locator("a[href='/admin/org']").ClickAsync();
            await admin.GetByRole(AriaRole.Navigation, new() { Name = "组织机构管理" }).GetByRole(AriaRole.Link, new() { Name = "导入文件" }).ClickAsync();
            await admin.GetByLabel("选择文件").SetInputFilesAsync(file);
            await admin.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
            await Assertions.Expect(admin.Locator("h1")).ToContainTextAsync("导入预览");
            await Assertions.Expect(admin.Locator("table.cards")).ToContainTextAsync("数据共享综合窗口");
            await AdminBrowser.ScreenshotBothAsync(admin, "03-import-preview");
            await admin.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
            await Assertions.Expect(admin.Locator("p.ok")).ToContainTextAsync("新增");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> CreateOfficerAsync(IPage admin)
    {
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "组织机构管理" }).GetByRole(AriaRole.Link, new() { Name = "管理首页" }).ClickAsync();
        await admin.Locator("a[href='/admin/users']").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "新建人员" }).ClickAsync();
        await admin.GetByLabel("用户名（登录用）").FillAsync("wang.fang");
        await admin.GetByLabel("姓名").FillAsync("王芳");
        await admin.GetByLabel("角色").SelectOptionAsync(Roles.DepartmentOfficer);
        await admin.GetByLabel("部门").SelectOptionAsync("D20");
        await AdminBrowser.ScreenshotBothAsync(admin, "04-new-person");
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(admin.Locator("code.secret")).ToBeVisibleAsync();
        await AdminBrowser.ScreenshotBothAsync(admin, "05-person-created");
        return (await admin.Locator("code.secret").TextContentAsync())!;
    }

    /// <summary>The window's poster as the admin downloads it, and the address its QR code carries.</summary>
    private static async Task<string> DownloadPosterAsync(IPage admin)
    {
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
        await admin.Locator("a[href='/admin/posters']").ClickAsync();
        await AdminBrowser.ScreenshotBothAsync(admin, "06-posters");
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("a[href*='window=W501'][href*='format=png']").ClickAsync());
        return ReadQrCode(await File.ReadAllBytesAsync(await download.PathAsync(), Ct));
    }

    private static string ReadQrCode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png).Copy(SKColorType.Bgra8888);
        var luminance = new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        Assert.NotNull(result);
        return result.Text;
    }

    internal static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
