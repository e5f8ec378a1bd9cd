using System.Text.RegularExpressions;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.Playwright;

namespace Feedback.Tests.Qr;

/// <summary>
/// 适老化: the citizens' pages as older people read them — a 390×844 phone as it comes, the same phone with the
/// browser's default font set to 32 px, and at 200 % zoom (195×422 CSS px) — with and without JavaScript.
/// </summary>
public sealed class QrLargeTextTests(PhoneBrowser browser) : IClassFixture<PhoneBrowser>
{
    public enum Reading { Normal, DefaultFont32, Zoom200 }

    private Task<IPage> PhoneAsync(Reading reading, bool javaScript = true) => reading switch
    {
        Reading.DefaultFont32 => browser.NewPhoneWithDefaultFontAsync(32, javaScript),
        Reading.Zoom200 => browser.NewPhoneAsync(javaScript, width: 195, height: 422),
        _ => browser.NewPhoneAsync(javaScript),
    };

    private static ILocator Choice(IPage page, string label) => page.Locator("label.choice", new() { HasTextRegex = new Regex($"^{label}$") });

    private static Task<string> RootFontSizeAsync(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize");

    [Fact]
    public async Task RatingPage_BrowserDefaultFont32_TypeFollowsTheSetting()
    {
        var large = await browser.NewPhoneWithDefaultFontAsync(32);
        var normal = await browser.NewPhoneAsync();
        var token = await browser.SignAsync(QrLink.Poster("W001"));

        await large.SetContentAsync("<p>默认字号</p>");
        var setting = await RootFontSizeAsync(large);
        await large.GotoAsync($"/r/{token}");
        await normal.GotoAsync($"/r/{token}");

        Assert.Equal("32px", setting);
        Assert.Equal("32px", await RootFontSizeAsync(large));
        // The browser's usual 16 px is raised to 20 px for older eyes.
        Assert.Equal("20px", await RootFontSizeAsync(normal));
        // The choices are never smaller than the type the person asked for.
        Assert.InRange(await large.Locator("label.choice").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)"), 32, 48);
    }

    [Theory]
    [InlineData(Reading.Normal, true)]
    [InlineData(Reading.DefaultFont32, true)]
    [InlineData(Reading.Zoom200, true)]
    [InlineData(Reading.Normal, false)]
    [InlineData(Reading.DefaultFont32, false)]
    [InlineData(Reading.Zoom200, false)]
    public async Task RatingPage_DissatisfiedWithLongestReason_EveryTextKeepsRoomThroughToThanks(Reading reading, bool javaScript)
    {
        var page = await PhoneAsync(reading, javaScript);
        var token = await browser.SignAsync(QrLink.Receipt(TestRatings.NewCaseNumber(), "W001", "S002", "I001", DateTimeOffset.UtcNow.AddDays(30)));
        var shot = $"{reading}-{(javaScript ? "script" : "no-script")}";

        await page.GotoAsync($"/r/{token}");
        await Choice(page, "不满意").ClickAsync();
        await Choice(page, "同样内容的证明材料被要求多次提交").ClickAsync();
        // After a 差评 the phone field is open, with or without the script.
        await Assertions.Expect(page.Locator("#phone")).ToBeVisibleAsync();
        await PhoneBrowser.ScreenshotAsync(page, $"20-{shot}-form");

        Assert.Empty(await TextRoom.ProblemsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("感谢您的评价");
        await PhoneBrowser.ScreenshotAsync(page, $"21-{shot}-thanks");
        Assert.Empty(await TextRoom.ProblemsAsync(page));
    }

    [Theory]
    [InlineData(Reading.Normal, true)]
    [InlineData(Reading.DefaultFont32, true)]
    [InlineData(Reading.Zoom200, true)]
    [InlineData(Reading.Zoom200, false)]
    public async Task TrackingPage_RectifiedWithReplyAndFollowUpButtons_EveryTextKeepsRoom(Reading reading, bool javaScript)
    {
        var page = await PhoneAsync(reading, javaScript);
        var comment = $"同样的证明交了三次 {Guid.NewGuid():N}";
        var thanks = await Tracking.TrackingKit.RateAsync(browser.App, await browser.SignAsync(QrLink.Poster("W001", "S002")),
            ("rating", "1"), ("reasons", "113"), ("comment", comment));
        await Tracking.TrackingKit.ActAsync(browser.App, await Tracking.TrackingKit.CaseIdAsync(browser.App, comment), "rectify",
            "经核实，窗口人员未一次性告知所需材料，已对其进行业务培训，并将材料清单张贴在窗口。对给您带来的不便深表歉意。");
        var shot = $"{reading}-{(javaScript ? "script" : "no-script")}";

        await page.GotoAsync(Tracking.TrackingKit.TrackingPath(thanks));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("处理进度");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "非常满意" })).ToBeVisibleAsync();
        await PhoneBrowser.ScreenshotAsync(page, $"23-{shot}-tracking");
        Assert.Empty(await TextRoom.ProblemsAsync(page));
    }

    [Theory]
    [InlineData(Reading.DefaultFont32)]
    [InlineData(Reading.Zoom200)]
    public async Task MessagePage_ExpiredLink_KeepsRoom(Reading reading)
    {
        var page = await PhoneAsync(reading);
        var token = await browser.SignAsync(QrLink.Poster("W002", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)));

        await page.GotoAsync($"/r/{token}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("二维码已过期");
        await PhoneBrowser.ScreenshotAsync(page, $"22-{reading}-expired");
        Assert.Empty(await TextRoom.ProblemsAsync(page));
    }
}
