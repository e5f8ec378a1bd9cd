using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Feedback.Tests.Pages;

/// <summary>axe-core over the page as it is now; serious and critical findings fail the test.</summary>
public static class Accessibility
{
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>
    /// Runs axe on <paramref name="page"/> and fails on any serious or critical violation, naming rule, impact,
    /// the elements (CSS selectors) and axe's advice.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        StaffBrowser.RequireScript(page, "axe");
        var result = await page.RunAxe();

        var failures = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        Assert.True(failures.Count == 0, $"axe on {page.Url}:\n{Describe(failures)}");
    }

    public static string Describe(IEnumerable<AxeResultItem> violations) => string.Join('\n', violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} [{string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}] {v.HelpUrl}"));
}
