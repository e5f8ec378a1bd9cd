using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Microsoft.Playwright;

namespace Feedback.Tests.Admin;

/// <summary>
/// The people half of a new centre in a real browser: no one exists; the first admin is created with the command;
/// they sign in and create a department officer, who signs in with the temporary password, must choose their own,
/// and lands on the case list they were going to.
/// </summary>
public sealed class FirstCentreBrowserTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    private const string AdminPassword = "centre opening day 2026";
    private const string OfficerPassword = "wang fang own password";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstAdmin_CreatesOfficer_OfficerChangesPasswordAndLandsOnCases()
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
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("管理");
        await AdminBrowser.ScreenshotBothAsync(admin, "02-admin-home");

        var temporary = await CreateOfficerAsync(admin);
        await admin.GotoAsync("/admin/users");
        await AdminBrowser.ScreenshotBothAsync(admin, "05-people");
        await admin.GetByRole(AriaRole.Link, new() { Name = "王芳" }).ClickAsync();
        await AdminBrowser.ScreenshotBothAsync(admin, "06-person");

        var officer = await browser.NewPageAsync(AdminBrowser.Phone);
        await officer.GotoAsync("/cases");
        await SignInAsync(officer, "wang.fang", temporary);
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("请设置您自己的密码");
        await AdminBrowser.ScreenshotBothAsync(officer, "07-forced-password");
        await officer.GetByLabel("临时密码").FillAsync(temporary);
        await officer.GetByLabel("新密码", new() { Exact = true }).FillAsync(OfficerPassword);
        await officer.GetByLabel("再次输入新密码").FillAsync(OfficerPassword);
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();

        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/cases$"));
        await AdminBrowser.ScreenshotBothAsync(officer, "08-officer-cases");
        await admin.GotoAsync("/admin/audit");
        await AdminBrowser.ScreenshotBothAsync(admin, "09-audit");
        await Assertions.Expect(admin.Locator("table.audit tbody tr").First).ToContainTextAsync("本人修改密码");
    }

    private static async Task<string> CreateOfficerAsync(IPage admin)
    {
        await admin.Locator("a[href='/admin/users']").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "新建人员" }).ClickAsync();
        await admin.GetByLabel("用户名（登录用）").FillAsync("wang.fang");
        await admin.GetByLabel("姓名").FillAsync("王芳");
        await admin.GetByLabel("角色").SelectOptionAsync(Roles.DepartmentOfficer);
        await admin.GetByLabel("部门").SelectOptionAsync("D01");
        await AdminBrowser.ScreenshotBothAsync(admin, "03-new-person");
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Assertions.Expect(admin.Locator("code.secret")).ToBeVisibleAsync();
        await AdminBrowser.ScreenshotBothAsync(admin, "04-person-created");
        return (await admin.Locator("code.secret").TextContentAsync())!;
    }

    internal static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
