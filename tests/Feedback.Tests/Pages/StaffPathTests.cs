using System.Text.RegularExpressions;
using Feedback.Web.Accounts;
using Microsoft.Playwright;
using static Feedback.Tests.Pages.StaffSteps;

namespace Feedback.Tests.Pages;

/// <summary>
/// Each role's daily path through the staff pages, found by clicking from the sign-in page on (no typed URLs), at a
/// desktop's and a phone's size and, where people may have it so, without JavaScript. Every page is checked by axe.
/// </summary>
[Collection(nameof(StaffPages))]
public sealed class StaffPathTests(StaffBrowser staff)
{
    private const string Posters = "/api/qr/posters?format=pdf&size=a4";

    /// <summary>The home page's tiles, as each role must see them.</summary>
    private static readonly Dictionary<string, string[]> Tiles = new()
    {
        [Roles.Admin] = ["/cases", "/inbox", "/department", "/overview", "/reports", Posters, "/admin", "/hangfire"],
        [Roles.QualityOfficer] = ["/cases", "/inbox", "/department", "/overview", "/reports", Posters],
        [Roles.Leader] = ["/cases", "/inbox", "/department", "/overview", "/reports"],
        [Roles.DepartmentOfficer] = ["/cases", "/inbox", "/department"],
        [Roles.DepartmentHead] = ["/cases", "/inbox", "/department"],
    };

    public static TheoryData<string, bool> EveryWay => new() { { "desktop", true }, { "phone", true }, { "phone", false } };
    public static TheoryData<string, bool> BothSizes => new() { { "desktop", true }, { "phone", true } };

    [Theory]
    [InlineData("desktop", true)]
    [InlineData("phone", false)]
    public async Task Anonymous_OpensCases_IsSentToSignInAndBackToCases(string size, bool javaScript)
    {
        var screen = Screen.Named(size);
        var page = await staff.NewPageAsync(screen, javaScript);

        await page.GotoAsync("/cases");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/signin\?returnUrl=%2Fcases$"));
        await CheckAsync(page, "anonymous-1-signin", screen, javaScript);
        await StaffBrowser.SignInAsync(page, Roles.DepartmentOfficer);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases$"));
        await CheckAsync(page, "anonymous-2-cases", screen, javaScript);
        SkipIfUnchecked(page);
    }

    [Theory]
    [MemberData(nameof(EveryWay))]
    public async Task QualityOfficer_HomeCasesCaseInboxReports_ByClicksOnly(string size, bool javaScript)
    {
        var (screen, page) = await HomeAsync(Roles.QualityOfficer, "quality", size, javaScript);

        await NavigateAsync(page, "/cases");
        await CheckAsync(page, "quality-2-cases", screen, javaScript);
        await OpenCaseAsync(page, staff.AppealedCase);
        await CheckAsync(page, "quality-3-case", screen, javaScript);
        await NavigateAsync(page, "/inbox");
        await Assertions.Expect(page.Locator($"main a[href='/cases/{staff.AppealedCase}']").First).ToBeVisibleAsync();
        await CheckAsync(page, "quality-4-inbox", screen, javaScript);
        await NavigateAsync(page, "/reports");

        await Assertions.Expect(page.Locator("img.summary").First).ToBeVisibleAsync();
        await CheckAsync(page, "quality-5-reports", screen, javaScript);
        SkipIfUnchecked(page);
    }

    [Theory]
    [MemberData(nameof(EveryWay))]
    public async Task DepartmentOfficer_HomeCasesCaseDepartment_ByClicksOnlyAndOwnDepartmentOnly(string size, bool javaScript)
    {
        var (screen, page) = await HomeAsync(Roles.DepartmentOfficer, "officer", size, javaScript);

        await NavigateAsync(page, "/cases");
        await Assertions.Expect(page.Locator($"main a[href='/cases/{staff.D02Case}']")).ToHaveCountAsync(0);
        await CheckAsync(page, "officer-2-cases", screen, javaScript);
        await OpenCaseAsync(page, staff.AppealedCase);
        await CheckAsync(page, "officer-3-case", screen, javaScript);
        await NavigateAsync(page, "/department");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("部门概况");
        await CheckAsync(page, "officer-4-department", screen, javaScript);
        SkipIfUnchecked(page);
    }

    [Theory]
    [MemberData(nameof(BothSizes))]
    public async Task Leader_HomeReports_ByClicksOnly(string size, bool javaScript)
    {
        var (screen, page) = await HomeAsync(Roles.Leader, "leader", size, javaScript);

        await NavigateAsync(page, "/reports");

        await Assertions.Expect(page.Locator("img.summary").First).ToBeVisibleAsync();
        Assert.True(await CheckAsync(page, "leader-2-reports", screen, javaScript));
    }

    [Theory]
    [MemberData(nameof(BothSizes))]
    public async Task Admin_Home_ShowsEveryTile(string size, bool javaScript) =>
        await HomeAsync(Roles.Admin, "admin", size, javaScript);

    /// <summary>Signs in from the sign-in page and checks the home page it lands on, with the role's tiles.</summary>
    private async Task<(Screen Screen, IPage Page)> HomeAsync(string role, string name, string size, bool javaScript)
    {
        var screen = Screen.Named(size);
        var page = await staff.NewPageAsync(screen, javaScript);
        await StaffBrowser.SignInAsync(page, role);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(staff.BaseUrl)}/?$"));
        Assert.Equal(Tiles[role], await HrefsAsync(page.Locator("main .tiles a")));
        Assert.True(await CheckAsync(page, $"{name}-1-home", screen, javaScript));
        return (screen, page);
    }

    private static async Task OpenCaseAsync(IPage page, long id)
    {
        await page.Locator($"main a[href='/cases/{id}']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases/{id}$"));
    }
}
