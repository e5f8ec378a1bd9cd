using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Tests.Admin;

/// <summary>/admin/users: each action does what it says, is in the audit log with before and after, and never the password.</summary>
public sealed class PeoplePagesTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithoutPassword_ShowsGeneratedOneOnceAndAuditsWithoutIt()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.creator");

        var response = await admin.PostFormAsync("/admin/users", Person("new.officer", Roles.DepartmentOfficer, "D03"));
        var html = await response.Content.ReadAsStringAsync(Ct);
        var password = AdminClient.Secret(html);
        var audit = Assert.Single(await AdminClient.AuditAsync(app, "user", "new.officer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", password);
        Assert.Contains("只显示这一次", html);
        Assert.Equal(("people.creator", "created"), (audit.Actor, audit.Action));
        Assert.Null(audit.Before);
        Assert.Contains("\"role\": \"department_officer\"", audit.After);
        Assert.Contains("\"mustChangePassword\": true", audit.After);
        Assert.DoesNotContain(password, audit.After);
        Assert.Equal(["departmentCode", "disabled", "displayName", "mustChangePassword", "role", "userName"],
            System.Text.Json.JsonDocument.Parse(audit.After!).RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain(password, await admin.GetStringAsync("/admin/users?q=new.officer", Ct));
    }

    [Theory]
    [InlineData("people.dup", Roles.Leader, "", "", "用户名“people.dup”已被使用")]
    [InlineData("people.nodept", Roles.DepartmentHead, "", "", "“部门负责人”必须选择所属部门")]
    [InlineData("people.baddept", Roles.DepartmentOfficer, "D99", "", "部门编码“D99”不存在")]
    [InlineData("people.short", Roles.Leader, "", "abc12345", "密码太短：至少需要 10 个字符")]
    [InlineData("people.run", Roles.Leader, "", "1234567890", "密码太容易被猜到")]
    [InlineData("people.named", Roles.Leader, "", "people.named!2026", "密码不能包含用户名")]
    [InlineData("with space", Roles.Leader, "", "", "用户名须为 1-64 个字符，不能含空格")]
    public async Task Create_BadInput_ShowsChineseMessageAndWritesNothing(string name, string role, string department, string password, string message)
    {
        using var admin = await AdminClient.SignedInAsync(app, $"people.refuser.{Guid.NewGuid():N}"[..30]);
        if (!await AdminClient.QueryAsync(app, db => db.Users.AnyAsync(u => u.UserName == "people.dup", Ct)))
            await Browser.CreateUserAsync(app, "people.dup", Roles.Leader);
        var usersBefore = await AdminClient.QueryAsync(app, db => db.Users.CountAsync(Ct));
        var auditBefore = await AdminClient.QueryAsync(app, db => db.AdminAudit.CountAsync(Ct));

        var response = await admin.PostFormAsync("/admin/users", Person(name, role, department, password));
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("<form method=\"post\" action=\"/admin/users\"", html);
        Assert.Equal(usersBefore, await AdminClient.QueryAsync(app, db => db.Users.CountAsync(Ct)));
        Assert.Equal(auditBefore, await AdminClient.QueryAsync(app, db => db.AdminAudit.CountAsync(Ct)));
    }

    [Fact]
    public async Task Update_RoleAndDepartment_RecordsBeforeAndAfter()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.editor");
        var person = await Browser.CreateUserAsync(app, "people.moved", Roles.DepartmentOfficer, "D01");

        var response = await admin.PostFormAsync($"/admin/users/{person.Id}",
            new() { ["displayName"] = "调岗的人", ["role"] = Roles.DepartmentHead, ["departmentCode"] = "D02" });
        var page = await admin.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        var audit = (await AdminClient.AuditAsync(app, "user", "people.moved")).Last();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("已保存", page);
        Assert.Equal(("people.editor", "updated"), (audit.Actor, audit.Action));
        Assert.Contains("\"departmentCode\": \"D01\"", audit.Before);
        Assert.Contains("\"departmentCode\": \"D02\"", audit.After);
        Assert.Contains("\"role\": \"department_head\"", audit.After);
        Assert.Contains("<del>部门专员</del>", page);
        Assert.Contains("<ins>部门负责人</ins>", page);
    }

    [Fact]
    public async Task Update_DepartmentRoleWithoutDepartment_IsRefusedAndUnchanged()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.editor2");
        var person = await Browser.CreateUserAsync(app, "people.leader", Roles.Leader);

        var response = await admin.PostFormAsync($"/admin/users/{person.Id}",
            new() { ["displayName"] = "x", ["role"] = Roles.DepartmentOfficer, ["departmentCode"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“部门专员”必须选择所属部门", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(Roles.Leader, await AdminClient.QueryAsync(app, db => db.Users.Where(u => u.Id == person.Id).Select(u => u.Role).SingleAsync(Ct)));
        Assert.Single(await AdminClient.AuditAsync(app, "user", "people.leader"));
    }

    [Fact]
    public async Task DisableThenEnable_EndsSessionsAndAuditsBoth()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.switcher");
        var person = await Browser.CreateUserAsync(app, "people.off", Roles.QualityOfficer);
        using var their = await Browser.SignedInAsync(app, "people.off");

        var disable = await admin.PostFormAsync($"/admin/users/{person.Id}/status", new() { ["disabled"] = "true" });
        var theirNext = await their.GetAsync("/", Ct);
        var enable = await admin.PostFormAsync($"/admin/users/{person.Id}/status", new() { ["disabled"] = "false" });
        var actions = (await AdminClient.AuditAsync(app, "user", "people.off")).Select(e => e.Action);

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, theirNext.StatusCode);
        Assert.StartsWith("/signin", theirNext.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.Equal(["created", "disabled", "enabled"], actions);
        using var again = Browser.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("people.off", Browser.Password)).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_EndsSessionsAndTheTemporaryPasswordMustBeChanged()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.resetter");
        var person = await Browser.CreateUserAsync(app, "people.forgot", Roles.Leader);
        using var their = await Browser.SignedInAsync(app, "people.forgot");

        var reset = await admin.PostFormAsync($"/admin/users/{person.Id}/password", new() { ["password"] = "" });
        var password = AdminClient.Secret(await reset.Content.ReadAsStringAsync(Ct));
        var theirNext = await their.GetAsync("/", Ct);
        using var fresh = Browser.Open(app);
        var signIn = await fresh.SignInAsync("people.forgot", password);
        var audit = (await AdminClient.AuditAsync(app, "user", "people.forgot")).Last();

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.StartsWith("/signin", theirNext.Headers.Location?.OriginalString);
        Assert.Equal("/account/password", signIn.Headers.Location?.OriginalString);
        Assert.Equal(("people.resetter", "password_reset"), (audit.Actor, audit.Action));
        Assert.Contains("\"mustChangePassword\": false", audit.Before);
        Assert.Contains("\"mustChangePassword\": true", audit.After);
        Assert.DoesNotContain(password, audit.After + audit.Before);
    }

    [Fact]
    public async Task ResetPassword_WithWeakChosenPassword_IsRefused()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.resetter2");
        var person = await Browser.CreateUserAsync(app, "people.weak", Roles.Leader);

        var reset = await admin.PostFormAsync($"/admin/users/{person.Id}/password", new() { ["password"] = "aaaaaaaaaaaa" });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Contains("密码太容易被猜到", await reset.Content.ReadAsStringAsync(Ct));
        Assert.Single(await AdminClient.AuditAsync(app, "user", "people.weak"));
    }

    [Fact]
    public async Task List_FiltersBySearchRoleDepartmentAndStatus()
    {
        using var admin = await AdminClient.SignedInAsync(app, "people.lister");
        await Browser.CreateUserAsync(app, "filter.d05a", Roles.DepartmentOfficer, "D05", "第五部门专员");
        await Browser.CreateUserAsync(app, "filter.d05b", Roles.DepartmentHead, "D05");
        await Browser.CreateUserAsync(app, "filter.q", Roles.QualityOfficer);

        var byDepartment = await admin.GetStringAsync("/admin/users?department=D05", Ct);
        var byRole = await admin.GetStringAsync("/admin/users?role=department_head&department=D05", Ct);
        var bySearch = await admin.GetStringAsync("/admin/users?q=%E7%AC%AC%E4%BA%94", Ct);
        var disabled = await admin.GetStringAsync("/admin/users?status=disabled&q=filter.", Ct);

        Assert.Contains("filter.d05a", byDepartment);
        Assert.Contains("filter.d05b", byDepartment);
        Assert.DoesNotContain("filter.q<", byDepartment);
        Assert.DoesNotContain("filter.d05a", byRole);
        Assert.Contains("filter.d05a", bySearch);
        Assert.DoesNotContain("filter.d05b", bySearch);
        Assert.Contains("没有符合条件的人员", disabled);
    }

    private static Dictionary<string, string> Person(string name, string role, string? department, string password = "") => new()
    {
        ["userName"] = name, ["displayName"] = "", ["role"] = role, ["departmentCode"] = department ?? "", ["password"] = password,
    };
}
