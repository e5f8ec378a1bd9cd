using Feedback.Web.Accounts;
using Microsoft.Playwright;

namespace Feedback.Tests.Pages;

/// <summary>
/// Issue 12 part 6: the staff pages on a 390 px phone, read at 200 % zoom, and with the browser's default font at
/// 32 px: text keeps at least three characters to a line and nothing but a wrapped table scrolls sideways.
/// </summary>
[Collection(nameof(StaffPages))]
public sealed class LargeTextTests(StaffBrowser staff)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("zoom200")]
    [InlineData("font32")]
    public async Task StaffPages_NarrowOrLargeText_TextFitsAndNothingScrollsSideways(string way)
    {
        var (page, screen) = way == "font32"
            ? (await LargeFontPageAsync(), new Screen("font32", Screen.Phone390.Width, Screen.Phone390.Height, true))
            : (await staff.NewPageAsync(Screen.Named(way)), Screen.Named(way));
        var problems = new List<string>();

        await VisitAsync(page, "/signin", screen, problems);
        await StaffBrowser.SignInAsync(page, Roles.QualityOfficer);
        foreach (var path in new[] { "/", "/cases", $"/cases/{staff.AppealedCase}", "/inbox", "/reports", "/cases/999999" })
            await VisitAsync(page, path, screen, problems);
        await page.Context.ClearCookiesAsync();
        await StaffBrowser.SignInAsync(page, Roles.DepartmentHead);
        await VisitAsync(page, "/department", screen, problems);
        await page.Context.CloseAsync();

        Assert.True(problems.Count == 0, $"{problems.Count} problems at {way}:\n{string.Join('\n', problems)}");
        StaffSteps.SkipIfUnchecked(page);
    }

    private async Task<IPage> LargeFontPageAsync()
    {
        var context = await staff.LargeTextPhoneAsync();
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await page.GotoAsync("/signin");
        Assert.Equal("32px", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
        return page;
    }

    private static async Task VisitAsync(IPage page, string path, Screen screen, List<string> problems)
    {
        await page.GotoAsync(path);
        var name = path == "/" ? "home" : path.Trim('/').Replace('/', '-');
        await StaffBrowser.ScreenshotAsync(page, $"fit-{name}", screen);
        if (await StaffSteps.InLayoutAsync(page))
            problems.AddRange((await TextFit.ProblemsAsync(page)).Select(p => $"{path}: {p}"));
    }
}
