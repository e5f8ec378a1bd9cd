using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Tests.Cases;

/// <summary>
/// The service on a loopback port (Kestrel, so its request limits apply) and Debian's Chromium signed in as a member of
/// staff, on a desktop (1366×768) or a phone (390×844), with or without JavaScript. Screenshots go where
/// <see cref="PhoneBrowser"/> puts them.
/// </summary>
public sealed class StaffBrowser : IAsyncLifetime
{
    private readonly FeedbackApp _app = new();
    private WebApplicationFactory<Program> _server = null!;
    private IBrowser _browser = null!;

    public FeedbackApp App => _app;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _server = _app.WithWebHostBuilder(_ => { });
        BaseUrl = _server.StartOnLoopback();
        _browser = (await SharedChromium.SharedAsync()).Browser;
        Directory.CreateDirectory(PhoneBrowser.ScreenshotDirectory);
    }

    /// <summary>A new browser (its own cookies) signed in as <paramref name="userName"/>.</summary>
    public async Task<IPage> SignedInAsync(string userName, bool phone, bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 768 },
            IsMobile = phone, HasTouch = phone, DeviceScaleFactor = phone ? 2 : 1,
            Locale = "zh-CN", TimezoneId = "Asia/Shanghai", JavaScriptEnabled = javaScript, BaseURL = BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(Browser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Elements whose own text wraps to about one character per line (narrower than two characters, taller than two
    /// lines), and those that reach past the right edge of the window: what makes a phone page unreadable.
    /// </summary>
    public static async Task<(string[] Squeezed, string[] Overflowing)> LayoutProblemsAsync(IPage page)
    {
        var squeezed = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('body *')).flatMap(el => {
                const text = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
                const r = el.getBoundingClientRect(), s = getComputedStyle(el), size = parseFloat(s.fontSize);
                if (text.length < 3 || r.width === 0 || s.visibility === 'hidden') return [];
                return r.width < size * 2 && r.height > size * 3 ? [el.tagName + '.' + el.className + ': ' + text.slice(0, 20)] : [];
            })
            """);
        // A phone widens its layout to fit what overflows, so the window's own width is the measure.
        var overflowing = await page.EvaluateAsync<string[]>("""
            width => Array.from(document.querySelectorAll('body *')).flatMap(el => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.right > width + 1 ? [el.tagName + '.' + el.className + ' ' + Math.round(r.right)] : [];
            })
            """, page.ViewportSize!.Width);
        return (squeezed, overflowing);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _app.DisposeAsync();
    }
}
