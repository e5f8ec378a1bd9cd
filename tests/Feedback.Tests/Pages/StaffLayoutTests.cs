using System.Text.RegularExpressions;
using Feedback.Web.Accounts;
using Microsoft.Playwright;
using static Feedback.Tests.Pages.StaffSteps;

namespace Feedback.Tests.Pages;

/// <summary>The frame around every staff page: navigation by role, the current page marked, sign-out, the keyboard.</summary>
[Collection(nameof(StaffPages))]
public sealed class StaffLayoutTests(StaffBrowser staff)
{
    [Fact]
    public async Task Navigation_EveryRole_ShowsWhatTheRoleMayOpenAndMarksTheCurrentPage()
    {
        var pages = new List<IPage>();
        foreach (var (role, expected) in Navigation)
        {
            var page = await staff.SignedInPageAsync(role, Screen.Desktop);
            pages.Add(page);
            var links = page.Locator("header.top nav a");

            Assert.Equal(expected, await HrefsAsync(links));
            await Assertions.Expect(page.Locator("header.top nav a[aria-current]")).ToHaveCountAsync(0);
            foreach (var href in expected)
            {
                await NavigateAsync(page, href);
                await Assertions.Expect(page.Locator(".error-page")).ToHaveCountAsync(0);
                if (await InLayoutAsync(page))
                    Assert.Equal([href], await HrefsAsync(page.Locator("header.top nav a[aria-current=page]")));
            }
            await page.Context.CloseAsync();
        }
        SkipIfUnchecked([.. pages]);
    }

    [Theory]
    [InlineData("desktop", true)]
    [InlineData("phone", false)]
    public async Task SignOut_FromEveryPage_EndsTheSession(string size, bool javaScript)
    {
        var screen = Screen.Named(size);
        var page = await staff.NewPageAsync(screen, javaScript);
        (string Role, string Path)[] visits =
        [
            .. new[] { "/", "/cases", $"/cases/{staff.AppealedCase}", "/inbox", "/reports", "/cases/999999", "/no-such-page" }.Select(p => (Roles.QualityOfficer, p)),
            (Roles.DepartmentHead, "/department"),
        ];

        foreach (var (n, (role, path)) in visits.Index())
        {
            await StaffBrowser.SignInAsync(page, role);
            await page.GotoAsync(path);
            await StaffBrowser.ScreenshotAsync(page, $"signout-{n + 1}", screen, javaScript);
            await page.GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin$"), new() { Timeout = 10_000 });
            await page.GotoAsync("/cases");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/signin\?returnUrl=%2Fcases$"));
        }
    }

    [Fact]
    public async Task Keyboard_FirstTabs_ShowTheSkipLinkThenAVisibleFocusRing()
    {
        var page = await staff.SignedInPageAsync(Roles.QualityOfficer, Screen.Desktop);
        var skip = page.Locator("a.skip");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.True(await skip.IsVisibleAsync() && (await skip.BoundingBoxAsync())!.X >= 0, "the skip link comes into view when focused");
        await StaffBrowser.ScreenshotAsync(page, "keyboard-1-skip", Screen.Desktop);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("header .brand")).ToBeFocusedAsync();

        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Matches(@"^solid [3-9]", outline);
        await StaffBrowser.ScreenshotAsync(page, "keyboard-2-brand", Screen.Desktop);
    }
}
