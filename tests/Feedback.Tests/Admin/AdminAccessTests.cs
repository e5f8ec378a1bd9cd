using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;

namespace Feedback.Tests.Admin;

/// <summary>/admin and everything under it is for admins: other people get 403, strangers the sign-in page.</summary>
public sealed class AdminAccessTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Pages = ["/admin", "/admin/users", "/admin/users/new", "/admin/users/1", "/admin/keys", "/admin/audit"];

    [Theory]
    [InlineData(Roles.QualityOfficer, null)]
    [InlineData(Roles.Leader, null)]
    [InlineData(Roles.DepartmentOfficer, "D01")]
    [InlineData(Roles.DepartmentHead, "D02")]
    public async Task AdminPages_OtherRoles_Get403(string role, string? department)
    {
        using var client = await AdminClient.SignedInAsync(app, $"access.{role}", role, department);

        foreach (var page in Pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page, Ct)).StatusCode);
        }
        var post = await client.PostFormAsync("/admin/keys", new() { ["name"] = "sneaky", ["scope"] = "admin" }, tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("href=\"/admin\"", await client.GetStringAsync("/", Ct));
    }

    [Fact]
    public async Task AdminPages_Anonymous_GoToSignIn()
    {
        using var client = Browser.Open(app);

        var response = await client.GetAsync("/admin/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fadmin%2Fusers", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AdminPages_Admin_SeesEachPageAndTheNavigation()
    {
        using var client = await AdminClient.SignedInAsync(app, "access.admin");

        foreach (var page in Pages.Where(p => p != "/admin/users/1"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page, Ct)).StatusCode);
        }
        var home = await client.GetStringAsync("/", Ct);
        var admin = await client.GetStringAsync("/admin", Ct);

        Assert.Contains("<a href=\"/admin\"", home);
        Assert.Contains("href=\"/account/password\">修改密码</a>", home);
        foreach (var link in new[] { "/admin/org", "/admin/users", "/admin/keys", "/admin/posters", "/admin/audit", "/hangfire" })
        {
            Assert.Contains($"href=\"{link}\"", admin);
        }
    }
}
