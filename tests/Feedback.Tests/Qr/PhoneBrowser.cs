using System.Net;
using System.Text.Json;
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
    private readonly List<(IBrowserContext Context, DirectoryInfo Profile)> _profiles = [];
    private static readonly string[] LaunchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

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
            ExecutablePath = ChromiumPath, Args = LaunchArgs,
        });
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
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A phone whose owner set the browser's default font size, as a person does in the settings: Chromium reads it
    /// from its profile's Preferences, so this phone is a browser of its own on a fresh profile.
    /// </summary>
    public async Task<IPage> NewPhoneWithDefaultFontAsync(int pixels, bool javaScript = true)
    {
        var profile = Directory.CreateTempSubdirectory("qr-chromium-");
        Directory.CreateDirectory(Path.Combine(profile.FullName, "Default"));
        await File.WriteAllTextAsync(Path.Combine(profile.FullName, "Default", "Preferences"),
            JsonSerializer.Serialize(new { webkit = new { webprefs = new { default_font_size = pixels } } }));
        var context = await _playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
        {
            ExecutablePath = ChromiumPath, Args = LaunchArgs,
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            Locale = "zh-CN", JavaScriptEnabled = javaScript, BaseURL = BaseUrl,
        });
        _profiles.Add((context, profile));
        return context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    }

    internal Task<string> SignAsync(QrLink link) => _app.SignAsync(link);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        foreach (var (context, profile) in _profiles)
        {
            await context.DisposeAsync();
            TestPostgres.TryDelete(profile.FullName);
        }
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }
}
