using System.Net;
using System.Text.RegularExpressions;

namespace Feedback.Tests.Departments;

/// <summary>Reads the figures of the overview page: each is marked with data-figure, rows with data-unit, themes with data-theme.</summary>
public static partial class OverviewHtml
{
    /// <summary>A figure chip's value and, when it links, the decoded href.</summary>
    public static (string Value, string? Href) Chip(string html, string code)
    {
        var match = ChipPattern().Matches(html).SingleOrDefault(m => m.Groups["code"].Value == code)
            ?? throw new Xunit.Sdk.XunitException($"No figure '{code}' on the page.");
        return (match.Groups["value"].Value, match.Groups["href"].Success ? WebUtility.HtmlDecode(match.Groups["href"].Value) : null);
    }

    /// <summary>The cells of a window's or staff member's row by figure: their text and link.</summary>
    public static Dictionary<string, (string Text, string? Href)> Row(string html, string unit)
    {
        var row = Regex.Match(html, $"<tr data-unit=\"{unit}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row for {unit}.");
        return CellPattern().Matches(row.Groups[1].Value).ToDictionary(m => m.Groups["code"].Value, m =>
        {
            var inner = m.Groups["inner"].Value;
            var href = Regex.Match(inner, "href=\"([^\"]*)\"");
            return (Regex.Replace(inner, "<[^>]+>", "").Trim(), href.Success ? WebUtility.HtmlDecode(href.Groups[1].Value) : null);
        });
    }

    /// <summary>The theme bars: theme code, label, count text and link, in page order.</summary>
    public static List<(string Theme, string Label, string Count, string Href)> Themes(string html) =>
    [
        .. ThemePattern().Matches(html).Select(m => (m.Groups["theme"].Value, m.Groups["label"].Value, m.Groups["count"].Value,
            WebUtility.HtmlDecode(m.Groups["href"].Value))),
    ];

    [GeneratedRegex("<li[^>]*data-figure=\"(?<code>[^\"]+)\">\\s*(?:<a href=\"(?<href>[^\"]*)\">)?<span class=\"n\">(?<value>[^<]*)</span>")]
    private static partial Regex ChipPattern();

    [GeneratedRegex("<td[^>]*data-figure=\"(?<code>[^\"]+)\"[^>]*>(?<inner>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<li data-theme=\"(?<theme>[^\"]+)\">\\s*<a href=\"(?<href>[^\"]*)\">(?<label>[^<]*)</a>.*?<span class=\"n\">(?<count>[^<]*)</span>", RegexOptions.Singleline)]
    private static partial Regex ThemePattern();
}
