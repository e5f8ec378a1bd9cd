using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Tests.Admin;

/// <summary>There is always one active admin: the last one can be neither disabled nor given another role.</summary>
public sealed class LastAdminTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LastAdmin_CannotBeDisabledOrDemoted_UntilAnotherAdminExists()
    {
        using var admin = await AdminClient.SignedInAsync(app, "only.admin");
        var self = await AdminClient.QueryAsync(app, db => db.Users.SingleAsync(u => u.UserName == "only.admin", Ct));

        var disable = await admin.PostFormAsync($"/admin/users/{self.Id}/status", new() { ["disabled"] = "true" });
        var demote = await admin.PostFormAsync($"/admin/users/{self.Id}", new() { ["displayName"] = "x", ["role"] = Roles.Leader, ["departmentCode"] = "" });
        var unchanged = await AdminClient.QueryAsync(app, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == self.Id, Ct));
        var auditAfterRefusals = await AdminClient.AuditAsync(app, "user", "only.admin");
        await Browser.CreateUserAsync(app, "second.admin", Roles.Admin);
        var disableNow = await admin.PostFormAsync($"/admin/users/{self.Id}/status", new() { ["disabled"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("这是最后一名启用的系统管理员", await disable.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("这是最后一名启用的系统管理员", await demote.Content.ReadAsStringAsync(Ct));
        Assert.Equal((Roles.Admin, false), (unchanged.Role, unchanged.Disabled));
        Assert.Single(auditAfterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, disableNow.StatusCode);
    }
}

/// <summary>The same rule on the command line (a database of its own, with one admin).</summary>
public sealed class LastAdminCommandTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UserUpdateCommand_LastAdmin_IsRefusedWithOneLine()
    {
        await Browser.CreateUserAsync(app, "cli.last.admin", Roles.Admin);

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["user", "update", "--name", "cli.last.admin", "--disable"], Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: cli.last.admin is the last active admin; there must always be one.", result.Error.Trim());
    }
}
