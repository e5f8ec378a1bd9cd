using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Feedback.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Feedback.Tests.Cases.Workbench;

/// <summary>The workbench in Chromium at a laptop's and a phone's size, signed in as a quality officer; screenshots for a person to look at.</summary>
public sealed class CaseListBrowserTests(CaseListBrowserTests.Server server) : IClassFixture<CaseListBrowserTests.Server>
{
    [Theory]
    [InlineData(1366, 768, "workbench-1366")]
    [InlineData(390, 844, "workbench-390")]
    public async Task CasesPage_InABrowser_ListsFiltersAndPages(int width, int height, string name)
    {
        var page = await server.SignedInPageAsync(width, height);

        await page.GotoAsync("/cases");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("共 60 件");
        await Assertions.Expect(page.Locator("table.workbench-table tbody tr")).ToHaveCountAsync(50);
        await PhoneBrowser.ScreenshotAsync(page, $"{name}-list");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PhoneBrowser.ScreenshotDirectory, $"{name}-first-screen.png") });
        await page.Locator("details.workbench-more summary").ClickAsync();
        await page.Locator("#department").SelectOptionAsync("D02");
        await page.WaitForURLAsync("**/cases?**department=D02**");
        await Assertions.Expect(page.Locator("table.workbench-table tbody tr")).ToHaveCountAsync(20);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PhoneBrowser.ScreenshotDirectory, $"{name}-filtered.png") });
        await page.GotoAsync("/cases?sort=received");
        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.workbench-table tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "回到第一页" })).ToBeVisibleAsync();
    }

    /// <summary>The seeded centre served by Kestrel, and Chromium.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly WorkbenchData _data = new();
        private WebApplicationFactory<Program> _server = null!;
        private readonly List<IBrowserContext> _contexts = [];
        private IBrowser _browser = null!;
        private string _baseUrl = "";

        public async ValueTask InitializeAsync()
        {
            await _data.InitializeAsync();
            await Browser.CreateUserAsync(_data.App, "wb.quality", Roles.QualityOfficer, displayName: "赵质量");
            _server = _data.App.WithWebHostBuilder(_ => { });
            _baseUrl = _server.StartOnLoopback();
            _browser = (await Infrastructure.SharedChromium.SharedAsync()).Browser;
            Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory);
        }

        public async Task<IPage> SignedInPageAsync(int width, int height)
        {
            var context = await _browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 600, HasTouch = width < 600, Locale = "zh-CN", BaseURL = _baseUrl,
            });
            lock (_contexts)
                _contexts.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/signin");
            await page.Locator("#userName").FillAsync("wb.quality");
            await page.Locator("#password").FillAsync(Browser.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            // The browser is the run's; only this fixture's contexts are closed.
            foreach (var context in _contexts)
                await context.DisposeAsync();
            await _server.DisposeAsync();
            await _data.DisposeAsync();
        }
    }
}
