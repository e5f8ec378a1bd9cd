using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Feedback.Tests.Admin;

/// <summary>
/// The service on a loopback port over a database with the demo organisation and no people, and the run's shared
/// Chromium at a laptop's or a phone's size. Screenshots go to TestResults/screenshots/admin-*.png beside the test assembly.
/// </summary>
public class AdminBrowser : IAsyncLifetime
{
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private readonly List<IBrowserContext> _contexts = [];
    private WebApplicationFactory<Program> _server = null!;
    private IBrowser _browser = null!;

    public AdminBrowser() : this(new FeedbackApp()) { }

    protected AdminBrowser(FeedbackApp app) => App = app;

    public FeedbackApp App { get; }
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        _server = App.WithWebHostBuilder(_ => { });
        BaseUrl = _server.StartOnLoopback();
        _browser = (await SharedChromium.SharedAsync()).Browser;
        Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory);
    }

    /// <summary>A new person's browser: own cookies, Chinese locale, downloads kept; a phone has touch.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize size)
    {
        var phone = size.Width < 600;
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = size, IsMobile = phone, HasTouch = phone, DeviceScaleFactor = phone ? 2 : 1,
            Locale = "zh-CN", BaseURL = BaseUrl, AcceptDownloads = true,
        });
        lock (_contexts)
            _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public Task<IPage> NewPageAsync(int width, int height) => NewPageAsync(new ViewportSize { Width = width, Height = height });

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
        // The shared browser is the run's; only this fixture's contexts are closed.
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _server.DisposeAsync();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, over a centre on its first day: an empty organisation and no people.</summary>
public sealed class EmptyCentreBrowser() : AdminBrowser(new FeedbackApp { SeedsDemoOrganization = false });
