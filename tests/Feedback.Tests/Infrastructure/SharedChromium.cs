using System.Text.Json;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Feedback.Tests.Infrastructure.SharedChromium))]

namespace Feedback.Tests.Infrastructure;

/// <summary>
/// The test run's one Chromium (Debian's, driven by Playwright), started when a test first asks for it and closed at
/// the end of the run. Tests isolate themselves with a browser context each, which costs milliseconds where a
/// browser costs a process.
/// </summary>
public sealed class SharedChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/lib/chromium/chromium";
    public static readonly string[] Arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
    private static readonly Lazy<Task<SharedChromium>> Instance = new(StartAsync);
    private readonly IPlaywright? _playwright;

    private SharedChromium(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public SharedChromium()
    {
        // xunit creates this as the assembly fixture only to close the shared instance at the end.
        Browser = null!;
    }

    public IBrowser Browser { get; }

    private IPlaywright Playwright => _playwright ?? throw new InvalidOperationException("Use SharedAsync().");

    public static Task<SharedChromium> SharedAsync() => Instance.Value;

    /// <summary>
    /// A browser whose user set the default font size in its settings, as people with weak eyes do: Chromium reads it
    /// from its profile's Preferences, so this is a Chromium of its own over a fresh profile, removed when the
    /// returned context closes. The only browser a test run starts besides the shared one.
    /// </summary>
    public static async Task<IBrowserContext> LaunchWithDefaultFontAsync(int pixels, BrowserTypeLaunchPersistentContextOptions options)
    {
        var profile = Directory.CreateTempSubdirectory("feedback-chromium-").FullName;
        Directory.CreateDirectory(Path.Combine(profile, "Default"));
        await File.WriteAllTextAsync(Path.Combine(profile, "Default", "Preferences"),
            JsonSerializer.Serialize(new { webkit = new { webprefs = new { default_font_size = pixels } } }));
        options.ExecutablePath = ExecutablePath;
        options.Args = Arguments;
        var context = await (await SharedAsync()).Playwright.Chromium.LaunchPersistentContextAsync(profile, options);
        context.Close += (_, _) => TestPostgres.TryDelete(profile);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        else if (Instance.IsValueCreated && Instance.Value.IsCompletedSuccessfully)
        {
            await Instance.Value.Result.DisposeAsync();
        }
    }

    private static async Task<SharedChromium> StartAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Args = Arguments });
        return new SharedChromium(playwright, browser);
    }
}
