using Feedback.Tests.Accounts;
using Feedback.Tests.Admin;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using Feedback.Web.Qr;
using Microsoft.Playwright;

namespace Feedback.Tests.Security;

/// <summary>
/// The policy without 'unsafe-inline' is only worth having if the pages still work under it: Chromium reports every
/// blocked script, style or image on the console, and the citizens' inline style and script must pass by their hash.
/// Hangfire's dashboard is left out: it has its own relaxed policy for its inline code (see SecurityHeaders).
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(AdminBrowser browser) : IClassFixture<AdminBrowser>
{
    [Fact]
    public async Task CitizenAndStaffPages_LoadWithoutAnyBlockedResource()
    {
        await Browser.CreateUserAsync(browser.App, "csp.admin", Roles.Admin);
        var token = await browser.App.SignAsync(QrLink.Poster("W001", "S001"));
        var page = await browser.NewPageAsync(AdminBrowser.Laptop);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                violations.Add($"{page.Url}: {message.Text}");
        };

        await page.GotoAsync($"/r/{token}");
        // The citizens' script marks the page when it runs; blocked, the class would be missing.
        await Assertions.Expect(page.Locator("form#rate.js")).ToBeAttachedAsync();
        await page.GotoAsync("/signin");
        await FirstCentreBrowserTests.SignInAsync(page, "csp.admin", Browser.Password);
        foreach (var path in new[] { "/", "/cases", "/inbox", "/reports", "/department", "/admin", "/admin/org", "/admin/users" })
            await page.GotoAsync(path);

        Assert.Empty(violations);
    }
}
