using System.Net;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Tests.Qr;

/// <summary>
/// The service listening on a loopback port (Kestrel) and Debian's Chromium driven by Playwright at a phone's
/// viewport. Screenshots go to TestResults/screenshots/ beside the test assembly.
/// </summary>
public sealed class PhoneBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";
    private readonly FeedbackApp _app = new();
    private WebApplicationFactory<Program> _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public FeedbackApp App => _app;
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _server = _app.WithWebHostBuilder(b => b.UseSetting("Qr:DeviceWindow", "00:30:00"));
        // An endpoint of its own: the entry point passes --urls (port 5080), which UseKestrel(0) does not override, so
        // a second test run on the machine would find the port taken.
        _server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        BaseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A new phone: its own cookies (so its own device id), 390×844, touch, Chinese locale.</summary>
    public async Task<IPage> NewPhoneAsync(bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            Locale = "zh-CN", JavaScriptEnabled = javaScript, BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    internal Task<string> SignAsync(QrLink link) => _app.SignAsync(link);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }
}
