using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Tests.Admin;

/// <summary>
/// The service on a loopback port over a database with the demo organisation and no people, and Chromium at a
/// laptop's or a phone's size. Screenshots go to TestResults/screenshots/admin-*.png beside the test assembly.
/// </summary>
public sealed class AdminBrowser : IAsyncLifetime
{
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private readonly FeedbackApp _app = new();
    private WebApplicationFactory<Program> _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public FeedbackApp App => _app;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        // Port 0 in the host's own setting: the program's serve command passes its default address (127.0.0.1:5080)
        // as an argument, which would otherwise win, and other test runs on this machine listen there too.
        _server = _app.WithWebHostBuilder(b => b.UseSetting("urls", "http://127.0.0.1:0"));
        _server.UseKestrel(0);
        _server.StartServer();
        var baseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = PhoneBrowser.ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        BaseUrl = baseUrl;
        Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory);
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>A new person's browser: own cookies, Chinese locale.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize size)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = size, Locale = "zh-CN", BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>The page as it is, at the laptop's and the phone's width (full height).</summary>
    public static async Task ScreenshotBothAsync(IPage page, string name)
    {
        var original = page.ViewportSize;
        foreach (var (size, suffix) in new[] { (Laptop, "1366"), (Phone, "390") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(PhoneBrowser.ScreenshotDirectory, $"admin-{name}-{suffix}.png"), FullPage = true });
        }
        if (original is not null)
            await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }
}
