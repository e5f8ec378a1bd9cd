using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Admin;

/// <summary>/account/password: forced after a temporary password, and a person's own change at any time.</summary>
public sealed class PasswordChangeTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private const string NewPassword = "my own long secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TemporaryPassword_EveryPageLeadsToTheChange_ThenBackToWhereThePersonWasGoing()
    {
        var temporary = await CreateWithTemporaryPasswordAsync("forced.officer", Roles.DepartmentOfficer, "D01");
        using var client = Browser.Open(app);

        var signIn = await client.SignInAsync("forced.officer", temporary, returnUrl: "/cases");
        var cases = await client.GetAsync("/cases", Ct);
        var api = await client.GetAsync("/api/cases", Ct);
        var wrong = await ChangeAsync(client, "not the password", NewPassword, "/cases");
        var weak = await ChangeAsync(client, temporary, "short", "/cases");
        var done = await ChangeAsync(client, temporary, NewPassword, "/cases");
        var casesAfter = await client.GetAsync("/cases", Ct);

        Assert.Equal("/account/password?returnUrl=%2Fcases", signIn.Headers.Location?.OriginalString);
        Assert.Equal("/account/password?returnUrl=%2Fcases", cases.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Contains("密码太短：至少需要 10 个字符", await weak.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/cases", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, casesAfter.StatusCode);
        Assert.Equal("password_changed", (await AdminClient.AuditAsync(app, "user", "forced.officer")).Last().Action);
    }

    [Fact]
    public async Task TemporaryPassword_PageSaysWhy()
    {
        var temporary = await CreateWithTemporaryPasswordAsync("forced.leader", Roles.Leader, null);
        using var client = Browser.Open(app);
        await client.SignInAsync("forced.leader", temporary);

        var page = await client.GetStringAsync("/account/password", Ct);

        Assert.Contains("请设置您自己的密码", page);
        Assert.Contains("临时密码", page);
    }

    [Fact]
    public async Task OwnChange_OldPasswordStopsWorkingAndOtherSessionsEnd()
    {
        await Browser.CreateUserAsync(app, "self.changer", Roles.QualityOfficer);
        using var here = await Browser.SignedInAsync(app, "self.changer");
        using var elsewhere = await Browser.SignedInAsync(app, "self.changer");

        var change = await ChangeAsync(here, Browser.Password, NewPassword, null);
        var hereNext = await here.GetAsync("/", Ct);
        var elsewhereNext = await elsewhere.GetAsync("/", Ct);
        using var again = Browser.Open(app);
        var oldPassword = await again.SignInAsync("self.changer", Browser.Password);
        var audit = (await AdminClient.AuditAsync(app, "user", "self.changer")).Last();

        Assert.Equal("/account/password?changed=true", change.Headers.Location?.OriginalString);
        Assert.Contains("密码已修改", await here.GetStringAsync("/account/password?changed=true", Ct));
        Assert.Equal(HttpStatusCode.OK, hereNext.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhereNext.StatusCode);
        Assert.Contains("用户名或密码错误", await oldPassword.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("self.changer", "password_changed"), (audit.Actor, audit.Action));
        Assert.DoesNotContain(NewPassword, audit.Before + audit.After);
    }

    [Fact]
    public async Task OwnChange_DifferentConfirmation_IsRefused()
    {
        await Browser.CreateUserAsync(app, "self.typo", Roles.Leader);
        using var client = await Browser.SignedInAsync(app, "self.typo");

        var response = await client.PostFormAsync(PasswordPages.Path, new()
        {
            ["currentPassword"] = Browser.Password, ["newPassword"] = NewPassword, ["confirmPassword"] = NewPassword + "x", ["returnUrl"] = "",
        }, tokenFrom: PasswordPages.Path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("两次输入的新密码不一致", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> CreateWithTemporaryPasswordAsync(string name, string role, string? department)
    {
        using var scope = app.Services.CreateScope();
        var user = await Browser.CreateUserAsync(app, name, role, department);
        var reset = await scope.ServiceProvider.GetRequiredService<UserPasswords>().ResetAsync(user.Id, null, "test", Ct);
        return reset.TemporaryPassword;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? returnUrl) =>
        client.PostFormAsync(PasswordPages.Path, new()
        {
            ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = next, ["returnUrl"] = returnUrl ?? "",
        }, tokenFrom: PasswordPages.Path);
}
