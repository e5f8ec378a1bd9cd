using System.Text.RegularExpressions;
using Feedback.Web.Accounts;
using Feedback.Web.Reports;
using Microsoft.Playwright;
using static Feedback.Tests.Pages.StaffSteps;

namespace Feedback.Tests.Pages;

/// <summary>
/// A leader learns of the Monday report from the inbox and follows it by clicks only: the message, the report list
/// with its PDF, then the live overview, at a desktop's and a phone's size.
/// </summary>
[Collection(nameof(StaffPages))]
public sealed class LeaderReportTests(StaffBrowser staff)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Leader_InboxMessageOfTheWeeklyReport_LeadsToTheReportAndTheOverview(string size)
    {
        var screen = Screen.Named(size);
        // The seeded week's report queued its messages; deliver them as the server's timer would.
        await staff.App.DeliverAsync();
        var page = await staff.SignedInPageAsync(Roles.Leader, screen);

        await NavigateAsync(page, "/inbox");
        var message = page.Locator("main tr", new() { HasText = "好差评周报已生成" }).First;
        await Assertions.Expect(message).ToContainTextAsync("好评率");
        await CheckAsync(page, $"leader-1-inbox", screen, javaScript: true);
        await message.GetByRole(AriaRole.Link, new() { Name = "查看周报" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports$"));
        var week = ReportWeek.Containing(staff.App.Clock.GetUtcNow()).Previous;
        await Assertions.Expect(page.Locator($"main a[href='/reports/{week}/{ReportFiles.Pdf}']")).ToBeVisibleAsync();
        await CheckAsync(page, $"leader-2-reports", screen, javaScript: true);

        await NavigateAsync(page, "/overview");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("总览");
        await Assertions.Expect(page.Locator("main tr[data-department='D01']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main img[src='/overview/charts/good-rates.svg']")).ToBeVisibleAsync();
        Assert.True(await page.Locator("main img[src='/overview/charts/good-rates.svg']").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
        await CheckAsync(page, $"leader-3-overview", screen, javaScript: true);
        SkipIfUnchecked(page);
    }
}
