using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Notifications;

namespace Feedback.Tests.Cases;

/// <summary>The officers' pages: Chinese text, the countdown, actions by form with antiforgery, everything encoded.</summary>
public sealed class CasePagesTests(CasesApp app) : IClassFixture<CasesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CasesPages_DepartmentOfficer_SeesChineseTextAndTheCountdown()
    {
        var id = await app.OpenCaseAsync(comment: "等了两个小时");
        app.Clock.Advance(TimeSpan.FromMinutes(90));
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var list = await officer.GetStringAsync("/cases", Ct);
        var detail = await officer.GetStringAsync($"/cases/{id}", Ct);

        Assert.Contains("差评整改工单", list);
        Assert.Contains($"<a href=\"/cases/{id}\">#{id}</a>", list);
        Assert.Contains("待核实", list);
        Assert.Contains("等了两个小时", list);
        Assert.Contains($"data-left=\"{(24 * 60 - 90) * 60}\">剩余 22小时30分</span>", list);
        Assert.Contains($"工单 #{id}", detail);
        Assert.Contains("反馈期限", detail);
        Assert.Contains("剩余 22小时30分", detail);
        Assert.Contains("收到差评", detail);
        Assert.Contains("已联系核实", detail);
        Assert.Contains("部门专员", detail);
    }

    [Fact]
    public async Task CaseDetailPage_PastTheDeadline_ShowsOverdue()
    {
        var id = await app.OpenCaseAsync();
        app.Clock.Advance(TimeSpan.FromHours(25));
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var detail = await officer.GetStringAsync($"/cases/{id}", Ct);

        Assert.Contains("<span class=\"badge late\">超期</span>", detail);
        Assert.Contains("已超期 1小时0分", detail);
    }

    [Fact]
    public async Task CaseActionForm_WithToken_ActsAndRedirectsToTheCase()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        var token = await officer.FormTokenAsync($"/cases/{id}");

        var response = await officer.PostAsync($"/cases/{id}/actions", Form(token, CaseAction.Rectify, "已当面致歉，材料已补办"), Ct);
        var page = await officer.GetStringAsync(response.Headers.Location!.OriginalString, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{id}?done=true", response.Headers.Location.OriginalString);
        Assert.Contains("已保存。", page);
        Assert.Contains("已整改", page);
        Assert.Contains("已停止计时", page);
        Assert.Contains("已当面致歉，材料已补办", page);
        Assert.Equal("rectified", (await app.Admin.GetCaseAsync(id)).Case.State);
    }

    [Fact]
    public async Task CaseActionForm_WithoutToken_Returns400AndChangesNothing()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var response = await officer.PostAsync($"/cases/{id}/actions", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = CaseAction.Start }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["open"], await app.EventActionsAsync(id));
    }

    [Theory]
    [InlineData(CaseAction.Rectify, "", "请填写说明。", HttpStatusCode.BadRequest)]
    [InlineData(CaseAction.FollowUp, "", "不能执行", HttpStatusCode.Conflict)]
    [InlineData(CaseAction.ApproveAppeal, "", "部门专员不能执行", HttpStatusCode.Forbidden)]
    public async Task CaseActionForm_Refused_ShowsTheReasonOnThePageWithTheApisStatus(string action, string note, string message, HttpStatusCode status)
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        var token = await officer.FormTokenAsync($"/cases/{id}");

        var response = await officer.PostAsync($"/cases/{id}/actions", Form(token, action, note), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["open"], await app.EventActionsAsync(id));
    }

    [Fact]
    public async Task CasesPages_ScriptInCommentAndNote_IsRenderedEscaped()
    {
        const string script = "<script>alert('x')</script>";
        var id = await app.OpenCaseAsync(comment: script);
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        var token = await officer.FormTokenAsync($"/cases/{id}");
        await officer.PostAsync($"/cases/{id}/actions", Form(token, CaseAction.Rectify, script), Ct);

        var list = await officer.GetStringAsync("/cases", Ct);
        var detail = await officer.GetStringAsync($"/cases/{id}", Ct);

        Assert.DoesNotContain(script, list);
        Assert.DoesNotContain(script, detail);
        // Both pages are Razor components, whose encoder writes ' as &#x27;.
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", list);
        // The comment, the reply note and the timeline's note.
        Assert.Equal(3, Occurrences(detail, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"));
    }

    [Fact]
    public async Task InboxPage_MarkReadForm_MarksTheMessageRead()
    {
        var id = await app.OpenCaseAsync();
        await app.DeliverAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        var message = (await officer.GetFromJsonAsync<InboxResponse>("/api/inbox", Ct))!.Items.First(m => m.CaseId == id);
        var token = await officer.FormTokenAsync("/inbox");

        var withoutToken = await officer.PostAsync($"/inbox/{message.Id}/read", new FormUrlEncodedContent([]), Ct);
        var response = await officer.PostAsync($"/inbox/{message.Id}/read", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/inbox"), (response.StatusCode, response.Headers.Location?.OriginalString));
        Assert.True((await officer.GetFromJsonAsync<InboxResponse>("/api/inbox", Ct))!.Items.Single(m => m.Id == message.Id).Read);
        Assert.Contains("<span class=\"muted\">已读</span>", await officer.GetStringAsync("/inbox", Ct));
    }

    [Fact]
    public async Task CasesPages_WithoutSignIn_RedirectToSignIn()
    {
        var id = await app.OpenCaseAsync();
        using var browser = Browser.Open(app);

        var response = await browser.GetAsync($"/cases/{id}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin?returnUrl=", response.Headers.Location!.OriginalString);
    }

    private static FormUrlEncodedContent Form(string token, string action, string note) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["action"] = action,
        ["note"] = note,
    });

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
