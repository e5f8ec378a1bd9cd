using System.Net;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Accounts;

/// <summary>Taking rights away ends sessions that were signed in with them (the test app re-checks on every request).</summary>
public sealed class SessionRevocationTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_AccountDisabled_IsSignedOutAndCannotSignInAgain()
    {
        await Browser.CreateUserAsync(app, "revoke.disabled", Roles.QualityOfficer);
        using var client = await Browser.SignedInAsync(app, "revoke.disabled");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        await UpdateAsync("revoke.disabled", disabled: true);
        var afterDisable = await client.GetAsync("/", Ct);
        var signIn = await client.SignInAsync("revoke.disabled", Browser.Password);

        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/signin", afterDisable.Headers.Location?.OriginalString);
        Assert.Contains("用户名或密码错误", await signIn.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Session_DepartmentChanged_EndsAndApiAnswers401()
    {
        await Browser.CreateUserAsync(app, "revoke.moved", Roles.DepartmentOfficer, "D01");
        using var client = await Browser.SignedInAsync(app, "revoke.moved");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases", Ct)).StatusCode);

        await UpdateAsync("revoke.moved", department: "D02");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task Update_UnknownUserOrRoleWithoutDepartment_IsRefused()
    {
        await Browser.CreateUserAsync(app, "revoke.leader", Roles.Leader);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => UpdateAsync("nobody.here", disabled: true));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => UpdateAsync("revoke.leader", role: Roles.DepartmentHead));
    }

    private async Task UpdateAsync(string name, string? role = null, string? department = null, bool? disabled = null)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserService>().UpdateAsync(name, new UserChange(Role: role, DepartmentCode: department, Disabled: disabled), "test", Ct);
    }
}
