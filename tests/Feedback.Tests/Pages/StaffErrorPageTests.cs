using System.Text.Json;
using System.Text.RegularExpressions;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Microsoft.Playwright;
using static Feedback.Tests.Pages.StaffSteps;

namespace Feedback.Tests.Pages;

/// <summary>What a person sees when a page fails: a Chinese page in the staff layout with the real status code.</summary>
[Collection(nameof(StaffPages))]
public sealed class StaffErrorPageTests(StaffBrowser staff)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task ErrorPages_MissingCaseForbiddenPageStaleForm_ChinesePageInTheLayoutWithTheStatus(string size)
    {
        var screen = Screen.Named(size);
        var quality = await staff.SignedInPageAsync(Roles.QualityOfficer, screen);
        var officer = await staff.SignedInPageAsync(Roles.DepartmentOfficer, screen);

        await AssertErrorPageAsync(await quality.GotoAsync("/cases/999999"), quality, 404, "页面不存在", $"error-404", screen);
        await AssertErrorPageAsync(await officer.GotoAsync("/reports"), officer, 403, "没有权限", "error-403", screen);
        await officer.GotoAsync("/inbox");
        // As if the antiforgery cookie had gone (browser restarted, cookies cleared) while the form stayed open.
        await officer.Context.ClearCookiesAsync(new() { NameRegex = new Regex(@"^\.AspNetCore\.Antiforgery") });
        var posted = await officer.RunAndWaitForResponseAsync(
            () => officer.GetByRole(AriaRole.Button, new() { Name = "标为已读" }).First.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/inbox/", StringComparison.Ordinal));
        await AssertErrorPageAsync(posted, officer, 400, "请求无法处理", "error-400", screen);
    }

    [Fact]
    public async Task Api_MissingCaseAskedForByABrowser_StaysProblemDetailsJson()
    {
        var page = await staff.NewPageAsync(Screen.Desktop);
        var key = staff.App.Reader.DefaultRequestHeaders.GetValues(ApiKeyAuthenticationHandler.HeaderName).Single();

        var response = await page.APIRequest.GetAsync("/api/cases/999999", new()
        {
            Headers = new Dictionary<string, string> { [ApiKeyAuthenticationHandler.HeaderName] = key, ["Accept"] = "text/html,*/*" },
        });

        Assert.Equal(404, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"]);
        using var problem = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    private static async Task AssertErrorPageAsync(IResponse? response, IPage page, int status, string heading, string step, Screen screen)
    {
        Assert.Equal(status, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator("header.top nav a[href='/cases']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"错误代码 {status}");
        Assert.DoesNotContain("\"status\"", await response.TextAsync());
        Assert.True(await CheckAsync(page, step, screen, javaScript: true), "error pages are in the staff layout");
    }
}
