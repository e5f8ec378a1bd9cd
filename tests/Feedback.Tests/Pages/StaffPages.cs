using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Feedback.Web.Accounts;
using Microsoft.Playwright;

namespace Feedback.Tests.Pages;

/// <summary>The browser test classes of the staff pages share one server and its data; they run one after another.</summary>
[CollectionDefinition(nameof(StaffPages))]
public sealed class StaffPages : ICollectionFixture<StaffBrowser>;

/// <summary>Steps the staff page tests share: look at a page as its user would, and find the way on by clicking.</summary>
public static partial class StaffSteps
{
    /// <summary>The header's main navigation, as each role must see it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Navigation = new Dictionary<string, string[]>
    {
        [Roles.Admin] = ["/cases", "/inbox", "/department", "/overview", "/reports", "/admin"],
        [Roles.QualityOfficer] = ["/cases", "/inbox", "/department", "/overview", "/reports"],
        [Roles.Leader] = ["/cases", "/inbox", "/department", "/overview", "/reports"],
        [Roles.DepartmentOfficer] = ["/cases", "/inbox", "/department", "/reports/department"],
        [Roles.DepartmentHead] = ["/cases", "/inbox", "/department", "/reports/department"],
    };

    // Pages a page object has met that are not in the staff layout yet (the old inline-styled case pages, which are
    // being rebuilt): they are shown and photographed, and the test ends as skipped naming them, not as passed.
    private static readonly ConditionalWeakTable<IPage, List<string>> OutsideLayout = [];

    /// <summary>
    /// The page as it is now: shown without a server error, a screenshot kept, no inline script or style (the coming
    /// CSP forbids them), and, where JavaScript runs, axe finds nothing serious. Returns false for a page outside the
    /// staff layout, which is not checked (see <see cref="SkipIfUnchecked"/>).
    /// </summary>
    public static async Task<bool> CheckAsync(IPage page, string step, Screen screen, bool javaScript)
    {
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await StaffBrowser.ScreenshotAsync(page, step, screen, javaScript);
        if (!await InLayoutAsync(page))
            return false;
        var inline = InlineCode().Matches(await page.ContentAsync()).Select(m => m.Value).ToList();
        Assert.True(inline.Count == 0, $"inline style or script on {page.Url}: {string.Join(" ", inline)}");
        if (javaScript)
            await Accessibility.AssertAccessibleAsync(page);
        return true;
    }

    /// <summary>Whether the page is in the staff layout; if not, it is remembered for <see cref="SkipIfUnchecked"/>.</summary>
    public static async Task<bool> InLayoutAsync(IPage page)
    {
        if (await page.Locator("body > header.top").CountAsync() > 0)
            return true;
        lock (OutsideLayout)
            OutsideLayout.GetOrCreateValue(page).Add(new Uri(page.Url).PathAndQuery);
        return false;
    }

    /// <summary>Ends the test as skipped when one of its pages was outside the staff layout, so it does not pass unchecked.</summary>
    public static void SkipIfUnchecked(params IPage[] pages)
    {
        var missed = pages.SelectMany(p => OutsideLayout.TryGetValue(p, out var paths) ? paths : []).Distinct().ToList();
        if (missed.Count > 0)
            Assert.Skip($"Not checked, outside the staff layout: {string.Join(", ", missed)}");
    }

    /// <summary>Follows the link to <paramref name="href"/> in the page's navigation.</summary>
    public static async Task NavigateAsync(IPage page, string href)
    {
        var link = page.Locator($"nav a[href='{href}']");
        // A page outside the layout has the old, shorter navigation: go by way of the home page, as a person would.
        if (await link.CountAsync() == 0 && !await InLayoutAsync(page))
            await page.Locator("a[href='/']").First.ClickAsync();
        await link.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(href)}$"));
    }

    // Chromium's form filler leaves an empty style="" on inputs, which no policy minds.
    [GeneratedRegex(@"<[a-z][^>]*\sstyle=""[^""]+""|<style\b|<script(?![^>]*\ssrc=)[^>]*>")]
    private static partial Regex InlineCode();

    /// <summary>The links' targets, in page order (read by Playwright, so it works with JavaScript off too).</summary>
    public static async Task<List<string>> HrefsAsync(ILocator links)
    {
        var hrefs = new List<string>();
        foreach (var link in await links.AllAsync())
            hrefs.Add(await link.GetAttributeAsync("href") ?? "");
        return hrefs;
    }
}
