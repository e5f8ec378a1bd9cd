using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Feedback.Tests.Qr;

/// <summary>
/// The service listening on a loopback port (Kestrel) and the run's shared Chromium at a phone's viewport.
/// Screenshots go to TestResults/screenshots/ beside the test assembly.
/// </summary>
public class PhoneBrowser : IAsyncLifetime
{
    private readonly FeedbackApp _app;
    private readonly List<IBrowserContext> _contexts = [];
    private WebApplicationFactory<Program> _server = null!;
    private IBrowser _browser = null!;

    public PhoneBrowser() : this(new FeedbackApp())
    {
    }

    /// <summary>The service of <paramref name="app"/>, for a fixture that configures it further (e.g. an SMS gateway).</summary>
    protected PhoneBrowser(FeedbackApp app) => _app = app;

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

    /// <summary>
    /// A new phone: its own cookies (so its own device id), touch, Chinese locale, 390×844 unless told. 200 % zoom is
    /// a viewport of half the CSS pixels (195×422): what the page gets to lay out in, at the same font size.
    /// </summary>
    public async Task<IPage> NewPhoneAsync(bool javaScript = true, int width = 390, int height = 844)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            Locale = "zh-CN", JavaScriptEnabled = javaScript, BaseURL = BaseUrl,
        });
        lock (_contexts)
            _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A phone whose owner set the browser's default font size in its settings (see <see cref="SharedChromium.LaunchWithDefaultFontAsync"/>).</summary>
    public async Task<IPage> NewPhoneWithDefaultFontAsync(int pixels, bool javaScript = true)
    {
        var context = await SharedChromium.LaunchWithDefaultFontAsync(pixels, new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            Locale = "zh-CN", JavaScriptEnabled = javaScript, BaseURL = BaseUrl,
        });
        lock (_contexts)
            _contexts.Add(context);
        return context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    }

    internal Task<string> SignAsync(QrLink link) => _app.SignAsync(link);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        // The shared browser is the run's; only this fixture's contexts (and default-font browsers) are closed.
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }
}
