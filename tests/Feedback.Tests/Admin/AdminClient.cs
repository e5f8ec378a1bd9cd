using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Admin;

/// <summary>An admin's browser one step at a time, and what the admin pages wrote.</summary>
internal static partial class AdminClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpClient> SignedInAsync(FeedbackApp app, string name, string role = Roles.Admin, string? department = null)
    {
        await Browser.CreateUserAsync(app, name, role, department);
        return await Browser.SignedInAsync(app, name);
    }

    /// <summary>Posts a form the way the page does: with the antiforgery token every staff page carries (the sign-out form's).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string tokenFrom = "/admin")
    {
        fields["__RequestVerificationToken"] = await client.FormTokenAsync(tokenFrom);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    public static async Task<List<AdminAuditEntry>> AuditAsync(FeedbackApp app, string kind, string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        return await db.AdminAudit.AsNoTracking().Where(e => e.EntityKind == kind && e.EntityKey == key).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    public static async Task<T> QueryAsync<T>(FeedbackApp app, Func<FeedbackDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    /// <summary>The secret on a shown-once page (temporary password or API key).</summary>
    public static string Secret(string html) => System.Net.WebUtility.HtmlDecode(SecretCode().Match(html).Groups[1].Value);

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretCode();
}
