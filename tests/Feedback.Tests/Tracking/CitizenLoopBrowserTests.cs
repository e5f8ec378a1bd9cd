using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Feedback.Tests.Qr;
using Feedback.Web.Qr;
using Microsoft.Playwright;

namespace Feedback.Tests.Tracking;

/// <summary>A citizen on a 390×844 phone through the whole loop: scan, 差评 with a phone number, reference and link, the reply, the 追评.</summary>
public sealed class CitizenLoopBrowserTests(PhoneBrowser browser) : IClassFixture<PhoneBrowser>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Choice(IPage page, string label) => page.Locator("label.choice", new() { HasTextRegex = new Regex($"^{label}$") });

    [Fact]
    public async Task Citizen_VeryDissatisfiedWithPhone_FollowsTheReplyAndHerFollowUpClosesTheCase()
    {
        var page = await browser.NewPhoneAsync();
        var comment = $"窗口让我跑了三个部门 {Guid.NewGuid():N}"[..20];
        var reply = "经核实，窗口未按一窗受理要求办理。已对窗口人员批评教育，并安排专人为您代办，今后同类业务一窗办结。";

        await page.GotoAsync($"/r/{await browser.SignAsync(QrLink.Poster("W003"))}");
        await Choice(page, "非常不满意").ClickAsync();
        await Choice(page, "多头跑窗口和部门").ClickAsync();
        await page.Locator("#comment").FillAsync(comment);
        // The contact field opens by itself after a 差评, with the reason it helps.
        await Assertions.Expect(page.Locator("#phone")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#contact")).ToContainTextAsync("部门可以回访您");
        await page.Locator("#phone").FillAsync("13812345678");
        await PhoneBrowser.ScreenshotAsync(page, "30-loop-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("感谢您的评价！");
        var reference = await page.Locator(".ref").TextContentAsync();
        Assert.Matches(@"^\d{5} \d{5}$", reference);
        // The QR code is fetched only when asked for: closed, nothing is loaded.
        Assert.Equal(0, await page.Locator(".track img").EvaluateAsync<int>("img => img.naturalWidth"));
        await page.GetByText("显示二维码").ClickAsync();
        await Assertions.Expect(page.Locator(".track img")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.track img').complete && document.querySelector('.track img').naturalWidth > 100");
        await PhoneBrowser.ScreenshotAsync(page, "31-loop-thanks");
        var stored = Assert.Single(await browser.App.StoredAsync(comment));
        Assert.Equal("138****5678", stored.Phone);

        var caseId = await TrackingKit.CaseIdAsync(browser.App, comment);
        await TrackingKit.ActAsync(browser.App, caseId, "start");
        await TrackingKit.ActAsync(browser.App, caseId, "rectify", reply);
        await page.GetByRole(AriaRole.Link, new() { Name = "查看处理进度" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("处理进度");
        await Assertions.Expect(page.Locator(".reply")).ToContainTextAsync(reply);
        await Assertions.Expect(page.Locator(".steps li.now")).ToContainTextAsync("已整改");
        await Assertions.Expect(page.Locator(".ref")).ToHaveTextAsync(reference!);
        await PhoneBrowser.ScreenshotAsync(page, "32-loop-replied");
        await page.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("感谢您的追评");
        await Assertions.Expect(page.Locator(".steps li").Last).ToHaveClassAsync("done");
        await PhoneBrowser.ScreenshotAsync(page, "33-loop-followed-up");
        var detail = await browser.App.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", Ct);
        Assert.Equal("closed", detail.GetProperty("case").GetProperty("state").GetString());
        Assert.Equal(4, detail.GetProperty("followUpSatisfaction").GetInt32());
        Assert.Equal("online", detail.GetProperty("followUpChannel").GetString());
    }

    [Fact]
    public async Task Citizen_RescansThePosterSheRated_SeesRatedBeforeAndHerTrackingLink()
    {
        var page = await browser.NewPhoneAsync();
        var token = await browser.SignAsync(QrLink.Poster("W005"));

        await page.GotoAsync($"/r/{token}");
        await Choice(page, "满意").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("感谢您的评价！");
        var reference = await page.Locator(".ref").TextContentAsync();
        await page.GotoAsync($"/r/{token}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("您已评价过");
        await Assertions.Expect(page.Locator("form")).ToHaveCountAsync(0);
        await PhoneBrowser.ScreenshotAsync(page, "34-rescan");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看处理进度" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ref")).ToHaveTextAsync(reference!);
    }
}
