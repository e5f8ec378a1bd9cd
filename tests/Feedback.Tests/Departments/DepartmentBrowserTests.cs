using Feedback.Tests.Accounts;
using Feedback.Tests.Qr;
using Feedback.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Feedback.Tests.Departments;

/// <summary>The overview in Chromium on a laptop and a phone, signed in as the head of D01; screenshots for people to look at.</summary>
[Collection(DepartmentCollection.Name)]
public sealed class DepartmentBrowserTests(DepartmentFixture fixture) : IAsyncLifetime
{
    private WebApplicationFactory<Program> _server = null!;
    private readonly List<IBrowserContext> _contexts = [];
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _server = fixture.App.WithWebHostBuilder(_ => { });
        _baseUrl = _server.StartOnLoopback();
        _browser = (await SharedChromium.SharedAsync()).Browser;
        Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory);
    }

    [Theory]
    [InlineData(1366, 768, false)]
    [InlineData(390, 844, true)]
    public async Task Overview_DepartmentHead_ReadsWithoutSidewaysScrolling(int width, int height, bool phone)
    {
        var page = await SignedInPageAsync(width, height, phone);

        await page.GotoAsync("/department");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("人力资源和社会保障局 · 部门概况");
        await Assertions.Expect(page.Locator("[data-figure=overdue_now] .n")).ToHaveTextAsync(fixture.ExpectedLoad("D01").Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PhoneBrowser.ScreenshotDirectory, $"department-overview-{width}.png"), FullPage = true });
        await page.Locator("[data-figure=overdue_now] a").ClickAsync();
        Assert.EndsWith("/cases?department=D01&state=open,in_progress&overdue=true", Uri.UnescapeDataString(page.Url));
    }

    private async Task<IPage> SignedInPageAsync(int width, int height, bool phone)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone, DeviceScaleFactor = phone ? 2 : 1,
            Locale = "zh-CN", BaseURL = _baseUrl,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#userName", DepartmentFixture.HeadD01);
        await page.FillAsync("#password", Browser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _server.DisposeAsync();
    }
}
