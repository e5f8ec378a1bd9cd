using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Tests.Qr;

/// <summary>
/// The service listening on a loopback port (Kestrel) and the run's shared Chromium at a phone's viewport.
/// Screenshots go to TestResults/screenshots/ beside the test assembly.
/// </summary>
public sealed class PhoneBrowser : IAsyncLifetime
{
    private readonly FeedbackApp _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private WebApplicationFactory<Program> _server = null!;
    private IBrowser _browser = null!;

    public FeedbackApp App => _app;
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _server = _app.WithWebHostBuilder(b => b.UseSetting("Qr:DeviceWindow", "00:30:00"));
        BaseUrl = _server.StartOnLoopback();
        _browser = (await SharedChromium.SharedAsync()).Browser;
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
        lock (_contexts)
            _contexts.Add(context);
        return await context.NewPageAsync();
    }

    internal Task<string> SignAsync(QrLink link) => _app.SignAsync(link);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        // The browser is the run's; only this fixture's contexts are closed.
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }
}
