using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;
using Microsoft.Playwright;

namespace Feedback.Tests.Admin;

/// <summary>API keys in a real browser: the key is shown once, the confirmation before revoking works.</summary>
public sealed class KeyPagesBrowserTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task Keys_CreateShownOnce_ThenRevoke()
    {
        await Browser.CreateUserAsync(browser.App, "keys.admin", Roles.Admin);
        var admin = await browser.NewPageAsync(AdminBrowser.Laptop);
        await admin.GotoAsync("/signin");
        await FirstCentreBrowserTests.SignInAsync(admin, "keys.admin", Browser.Password);

        await admin.GotoAsync("/admin/keys");
        await admin.GetByLabel("名称（谁使用）").FillAsync("办件系统");
        await admin.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        await Assertions.Expect(admin.Locator("code.secret")).ToContainTextAsync("fbk_");
        await AdminBrowser.ScreenshotBothAsync(admin, "10-key-shown-once");
        await admin.GetByRole(AriaRole.Link, new() { Name = "返回密钥列表" }).ClickAsync();
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.Locator("tr", new() { HasText = "办件系统" }).GetByRole(AriaRole.Button, new() { Name = "吊销" }).ClickAsync();

        await Assertions.Expect(admin.Locator("p.ok")).ToContainTextAsync("密钥“办件系统”已吊销");
        await AdminBrowser.ScreenshotBothAsync(admin, "11-keys");
    }
}
