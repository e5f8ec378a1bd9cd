using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;

namespace Feedback.Tests.Jobs;

public sealed class JobsDashboardTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToSignIn()
    {
        using var client = Browser.Open(app);

        var response = await client.GetAsync("/hangfire", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=%2Fhangfire", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dashboard_AsDepartmentOfficer_Returns403()
    {
        await Browser.CreateUserAsync(app, "officer", Roles.DepartmentOfficer, "D03");
        using var client = await Browser.SignedInAsync(app, "officer");

        var response = await client.GetAsync("/hangfire", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_AsAdmin_Returns200()
    {
        await Browser.CreateUserAsync(app, "root", Roles.Admin);
        using var client = await Browser.SignedInAsync(app, "root");

        var response = await client.GetAsync("/hangfire", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("后台任务", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Dashboard_WithAdminApiKey_EndsOnSignInPage()
    {
        var page = await app.Admin.GetStringAsync("/hangfire", Ct);

        Assert.Contains("action=\"/signin\"", page);
    }
}
