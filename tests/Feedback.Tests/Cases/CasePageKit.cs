using System.Net;
using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;

namespace Feedback.Tests.Cases;

/// <summary>A person with a browser, and forms posted from the case page as that browser would.</summary>
public sealed record Person(User User, HttpClient Browser) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}

public static partial class CasePageKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Person> PersonAsync(this FeedbackApp app, string role, string? department = null, string? displayName = null)
    {
        var name = $"{role}.{department ?? "all"}.{Guid.NewGuid():N}";
        var user = await Browser.CreateUserAsync(app, name, role, department, displayName);
        return new(user, await Browser.SignedInAsync(app, name));
    }

    /// <summary>Posts a form of the case page with the page's antiforgery token; does not follow the redirect.</summary>
    public static async Task<HttpResponseMessage> PostCaseFormAsync(this HttpClient browser, long caseId, string path, IReadOnlyDictionary<string, string> fields)
    {
        var token = await browser.FormTokenAsync($"/cases/{caseId}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await browser.PostAsync($"/cases/{caseId}/{path}", new FormUrlEncodedContent(form), Ct);
    }

    public static Task<HttpResponseMessage> ActOnPageAsync(this HttpClient browser, long caseId, string action, string note = "", params (string Name, string Value)[] more) =>
        browser.PostCaseFormAsync(caseId, "actions", new Dictionary<string, string>(more.Select(f => KeyValuePair.Create(f.Name, f.Value))) { ["action"] = action, ["note"] = note });

    public static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    public static Task<string> PageAsync(this HttpClient browser, long caseId) => browser.GetStringAsync($"/cases/{caseId}", Ct);

    /// <summary>The inner HTML of the element with this class that opens first (no nesting of the same tag inside).</summary>
    public static string Section(string html, string tag, string cssClass)
    {
        var match = Regex.Match(html, $"<{tag} class=\"{cssClass}\"[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No <{tag} class=\"{cssClass}\"> on the page.");
        return match.Groups[1].Value;
    }

    /// <summary>The cell beside a row heading of a table.fields.</summary>
    public static string Field(string html, string heading)
    {
        var match = Regex.Match(html, $"<th scope=\"row\">{Regex.Escape(heading)}</th>\\s*<td[^>]*>(.*?)</td>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No field {heading} on the page.");
        return match.Groups[1].Value;
    }

    public static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;
}
