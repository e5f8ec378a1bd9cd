using System.Runtime.CompilerServices;
using Feedback.Tests.Accounts;
using Feedback.Tests.Cases;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Reports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Tests.Pages;

/// <summary>A browser window: its name in screenshot files, its CSS viewport, and whether it is a phone.</summary>
public sealed record Screen(string Name, int Width, int Height, bool Phone)
{
    public static readonly Screen Desktop = new("desktop", 1366, 768, false);
    public static readonly Screen Phone390 = new("phone", 390, 844, true);
    /// <summary>A 390 px phone read at 200 % zoom: half the CSS pixels.</summary>
    public static readonly Screen Zoom200 = new("zoom200", 195, 422, true);

    public static Screen Named(string name) => new[] { Desktop, Phone390, Zoom200 }.Single(s => s.Name == name);

    public override string ToString() => Name;
}

/// <summary>
/// The staff pages in the run's shared Chromium: the service on a loopback port over a database holding a person of
/// each role, cases of D01 and D02, inbox messages and one weekly report. Its clock is <see cref="CasesApp.Clock"/>.
/// </summary>
public sealed class StaffBrowser : IAsyncLifetime
{
    /// <summary>The case every path opens: a D01 case appealed, so the quality officer's inbox links to it.</summary>
    public long AppealedCase { get; private set; }
    public long D02Case { get; private set; }
    public CasesApp App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public static string ScreenshotDirectory => PhoneBrowser.ScreenshotDirectory;

    // Playwright's evaluate never returns in a page without JavaScript, so the checks that run in the page ask first.
    private static readonly ConditionalWeakTable<IBrowserContext, object> NoScript = [];
    private readonly List<IBrowserContext> _contexts = [];
    private WebApplicationFactory<Program> _server = null!;
    private IBrowser _browser = null!;

    /// <summary>One person per role; display names of realistic length, so the header is tried with real text.</summary>
    public static readonly IReadOnlyDictionary<string, (string UserName, string DisplayName, string? Department)> People =
        new Dictionary<string, (string, string, string?)>
        {
            [Roles.Admin] = ("admin.pages", "系统管理员", null),
            [Roles.QualityOfficer] = ("quality.pages", "欧阳晓明", null),
            [Roles.DepartmentOfficer] = ("officer.pages", "李专员", "D01"),
            [Roles.DepartmentHead] = ("head.pages", "王主任", "D01"),
            [Roles.Leader] = ("leader.pages", "张副主任", null),
        };

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        _server = App.WithWebHostBuilder(_ => { });
        BaseUrl = _server.StartOnLoopback();
        _browser = (await SharedChromium.SharedAsync()).Browser;
        Directory.CreateDirectory(ScreenshotDirectory);
        await SeedAsync();
    }

    private async Task SeedAsync()
    {
        foreach (var (role, person) in People)
            await Browser.CreateUserAsync(App, person.UserName, role, person.Department, person.DisplayName);
        // A rating in last week (Sunday night), whose report is rendered below: a week without ratings is announced to nobody.
        var lastSunday = await App.Ingest.PostRatingAsync(TestRatings.Valid().With("evaluatedAt", App.Clock.GetUtcNow().AddHours(-10)));
        Assert.Equal(System.Net.HttpStatusCode.Created, lastSunday.StatusCode);
        // One case past its deadline (escalated), the others close to theirs, so every badge and countdown shows.
        await App.OpenCaseAsync(comment: "窗口人员态度冷淡，材料让我来回跑了三趟");
        App.Clock.Advance(TimeSpan.FromHours(2));
        AppealedCase = await App.OpenCaseAsync(comment: "评价时点错了，其实很满意");
        await App.Admin.ActOkAsync(AppealedCase, CaseAction.Appeal, "群众来电说明是误评");
        D02Case = await App.OpenCaseAsync("D02", "排队两个小时");
        App.Clock.Advance(TimeSpan.FromHours(22.5));
        await App.SweepAsync();
        await App.DeliverAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var week = ReportWeek.Containing(App.Clock.GetUtcNow()).Previous;
        await scope.ServiceProvider.GetRequiredService<WeeklyReportJob>().RenderAsync(week, null, null, TestContext.Current.CancellationToken);
    }

    /// <summary>A new browser context (its own cookies) with one page, Chinese locale, at <paramref name="screen"/>.</summary>
    public async Task<IPage> NewPageAsync(Screen screen, bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = screen.Width, Height = screen.Height }, IsMobile = screen.Phone, HasTouch = screen.Phone,
            DeviceScaleFactor = screen.Phone ? 2 : 1, Locale = "zh-CN", JavaScriptEnabled = javaScript, BaseURL = BaseUrl,
        });
        lock (_contexts)
            _contexts.Add(context);
        if (!javaScript)
            NoScript.Add(context, screen);
        return await context.NewPageAsync();
    }

    /// <summary>Throws when <paramref name="page"/> runs without JavaScript, where a check inside the page would hang.</summary>
    public static void RequireScript(IPage page, string check)
    {
        if (NoScript.TryGetValue(page.Context, out _))
            throw new InvalidOperationException($"{check} runs inside the page: use a context with JavaScript on.");
    }

    /// <summary>
    /// A phone whose reader chose a 32 px default font in the browser's settings (a Chromium of its own, closed with
    /// the returned context).
    /// </summary>
    public async Task<IBrowserContext> LargeTextPhoneAsync()
    {
        var context = await SharedChromium.LaunchWithDefaultFontAsync(32, new()
        {
            BaseURL = BaseUrl, Locale = "zh-CN", IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            ViewportSize = new() { Width = Screen.Phone390.Width, Height = Screen.Phone390.Height },
        });
        lock (_contexts)
            _contexts.Add(context);
        return context;
    }

    /// <summary>Signs in through the sign-in form as the person of <paramref name="role"/>, and lands where the form sends them.</summary>
    public static async Task SignInAsync(IPage page, string role)
    {
        if (!page.Url.Contains("/signin", StringComparison.Ordinal))
            await page.GotoAsync("/signin");
        await page.Locator("#userName").FillAsync(People[role].UserName);
        await page.Locator("#password").FillAsync(Browser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#userName")).ToHaveCountAsync(0);
    }

    public async Task<IPage> SignedInPageAsync(string role, Screen screen, bool javaScript = true)
    {
        var page = await NewPageAsync(screen, javaScript);
        await SignInAsync(page, role);
        return page;
    }

    /// <summary>A full-page screenshot at TestResults/screenshots/&lt;test&gt;-&lt;screen&gt;-&lt;js|nojs&gt;.png.</summary>
    public static Task ScreenshotAsync(IPage page, string test, Screen screen, bool javaScript = true) =>
        page.ScreenshotAsync(new() { Path = ScreenshotPath(test, screen, javaScript), FullPage = true });

    public static string ScreenshotPath(string test, Screen screen, bool javaScript) =>
        Path.Combine(ScreenshotDirectory, $"{test}-{screen.Name}-{(javaScript ? "js" : "nojs")}.png");

    public async ValueTask DisposeAsync()
    {
        // The browser is the run's; only this fixture's contexts are closed.
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await _server.DisposeAsync();
        await App.DisposeAsync();
    }
}
