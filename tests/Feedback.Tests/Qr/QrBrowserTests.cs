using System.Text.RegularExpressions;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.Playwright;

namespace Feedback.Tests.Qr;

/// <summary>A citizen's phone in a real browser: scan, choose, submit, and the pages that refuse.</summary>
public sealed class QrBrowserTests(PhoneBrowser browser) : IClassFixture<PhoneBrowser>
{
    private static ILocator Choice(IPage page, string label) => page.Locator("label.choice", new() { HasTextRegex = new Regex($"^{label}$") });

    [Fact]
    public async Task Scan_RateVerySatisfied_ShowsThanks()
    {
        var page = await browser.NewPhoneAsync();
        var token = await browser.SignAsync(QrLink.Poster("W001", "S001"));

        await page.GotoAsync($"/r/{token}");
        await PhoneBrowser.ScreenshotAsync(page, "01-scan");
        await Choice(page, "非常满意").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("感谢您的评价");
        await PhoneBrowser.ScreenshotAsync(page, "02-thanks");
    }

    [Fact]
    public async Task Scan_RateDissatisfiedWithReasonsAndComment_RevealsReasonsAndStoresThem()
    {
        var page = await browser.NewPhoneAsync();
        var token = await browser.SignAsync(QrLink.Poster("W002"));
        var comment = $"材料清单和网上不一样 {Guid.NewGuid():N}"[..20];

        await page.GotoAsync($"/r/{token}");
        var reasons = page.Locator(".reasons[data-for='2']");
        await Assertions.Expect(reasons).ToBeHiddenAsync();
        await Choice(page, "不满意").ClickAsync();
        await Assertions.Expect(reasons).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".reasons[data-for='1']")).ToBeHiddenAsync();
        await Choice(page, "没有提供材料清单").ClickAsync();
        await page.Locator("#comment").FillAsync(comment);
        await Assertions.Expect(page.Locator("#n")).ToHaveTextAsync(comment.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await PhoneBrowser.ScreenshotAsync(page, "03-dissatisfied-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Locator(".note")).ToContainTextAsync("24 小时内回复");
        await PhoneBrowser.ScreenshotAsync(page, "04-dissatisfied-thanks");
        var stored = Assert.Single(await browser.App.StoredAsync(comment));
        Assert.Equal(2, stored.Rating);
        Assert.Equal([208], stored.Reasons);
    }

    [Fact]
    public async Task Scan_ForgedToken_ShowsFriendlyError()
    {
        var token = await browser.SignAsync(QrLink.Poster("W003"));

        await AssertProblemPageAsync($"{token[..^4]}AAAA", 404, "二维码无效", "05-forged");
    }

    [Fact]
    public async Task Scan_ExpiredToken_ShowsFriendlyError()
    {
        var token = await browser.SignAsync(QrLink.Poster("W003", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)));

        await AssertProblemPageAsync(token, 410, "二维码已过期", "06-expired");
    }

    private async Task AssertProblemPageAsync(string token, int status, string title, string screenshot)
    {
        var page = await browser.NewPhoneAsync();
        var response = await page.GotoAsync($"/r/{token}");
        Assert.Equal(status, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("form")).ToHaveCountAsync(0);
        await PhoneBrowser.ScreenshotAsync(page, screenshot);
    }

    [Fact]
    public async Task Receipt_SecondAndThirdRating_FollowUpThenAlreadyRated()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var token = await browser.SignAsync(QrLink.Receipt(caseNumber, "W004", null, "I001", DateTimeOffset.UtcNow.AddDays(30)));

        foreach (var (label, shot) in new[] { ("基本满意", "07-receipt-first"), ("满意", "08-receipt-follow-up") })
        {
            var phone = await browser.NewPhoneAsync();
            await phone.GotoAsync($"/r/{token}");
            await Choice(phone, label).ClickAsync();
            await PhoneBrowser.ScreenshotAsync(phone, shot);
            await phone.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
            await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("感谢您的评价");
        }
        var third = await browser.NewPhoneAsync();
        await third.GotoAsync($"/r/{token}");

        await Assertions.Expect(third.Locator("h1")).ToHaveTextAsync("该办件已评价");
        await PhoneBrowser.ScreenshotAsync(third, "09-receipt-already-rated");
        Assert.Equal([(short)1, (short)2], (await browser.App.StoredAsync(caseNumber: caseNumber)).Select(s => s.Assess));
    }

    [Fact]
    public async Task Scan_JavaScriptDisabled_BadRatingWithReasonsAndCommentPostsAsPlainForm()
    {
        var page = await browser.NewPhoneAsync(javaScript: false);
        var token = await browser.SignAsync(QrLink.Poster("W005"));
        var comment = $"无脚本 {Guid.NewGuid():N}";

        await page.GotoAsync($"/r/{token}");
        await Assertions.Expect(page.Locator(".reasons[data-for='1']")).ToBeVisibleAsync();
        await Choice(page, "非常不满意").ClickAsync();
        await Choice(page, "服务态度差效率低").ClickAsync();
        await page.Locator("#comment").FillAsync(comment);
        await PhoneBrowser.ScreenshotAsync(page, "10-no-script-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Locator(".note")).ToContainTextAsync("小时内回复");
        await PhoneBrowser.ScreenshotAsync(page, "11-no-script-thanks");
        var stored = Assert.Single(await browser.App.StoredAsync(comment));
        Assert.Equal(1, stored.Rating);
        Assert.Equal([115], stored.Reasons);
    }
}
