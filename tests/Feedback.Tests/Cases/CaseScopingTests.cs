using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Cases.Workbench;
using Feedback.Web.Notifications;

namespace Feedback.Tests.Cases;

/// <summary>Department officers and heads see and touch their own department's cases and messages only, on every endpoint.</summary>
public sealed class CaseScopingTests(CasesApp app) : IClassFixture<CasesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.DepartmentOfficer)]
    [InlineData(Roles.DepartmentHead)]
    public async Task OtherDepartmentsCase_OnEveryEndpoint_Returns404AndStaysUntouched(string role)
    {
        var other = await app.OpenCaseAsync("D02");
        var own = await app.OpenCaseAsync("D01");
        using var client = await app.SignedInAsAsync(role, "D01");
        var token = await client.FormTokenAsync($"/cases/{own}");

        var apiGet = await client.GetAsync($"/api/cases/{other}", Ct);
        var apiAct = await client.ActAsync(other, CaseAction.Start);
        var pageGet = await client.GetAsync($"/cases/{other}", Ct);
        var pageAct = await client.PostAsync($"/cases/{other}/actions", PageForm(token, CaseAction.Start), Ct);
        var ownAct = await client.PostAsync($"/cases/{own}/actions", PageForm(token, CaseAction.Start), Ct);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [apiGet.StatusCode, apiAct.StatusCode, pageGet.StatusCode, pageAct.StatusCode]);
        Assert.Equal(HttpStatusCode.Redirect, ownAct.StatusCode);
        Assert.Equal(["open"], await app.EventActionsAsync(other));
        Assert.Equal(["open", "start"], await app.EventActionsAsync(own));
    }

    [Fact]
    public async Task ListCases_DepartmentOfficer_SeesOwnDepartmentOnlyWhateverTheFilter()
    {
        var own = await app.OpenCaseAsync("D01");
        var other = await app.OpenCaseAsync("D02");
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var all = await ListAsync(officer, "/api/cases?limit=500");
        var asked = await ListAsync(officer, "/api/cases?department=D02&limit=500");
        var page = await officer.GetStringAsync("/cases", Ct);

        Assert.Contains(all.Items, c => c.Id == own);
        Assert.All(all.Items, c => Assert.Equal("D01", c.DepartmentCode));
        Assert.Equal(all.Items.Count, all.Total);
        Assert.Equal((0, 0), (asked.Items.Count, asked.Total));
        Assert.Contains($"href=\"/cases/{own}\"", page);
        Assert.DoesNotContain($"href=\"/cases/{other}\"", page);
    }

    [Fact]
    public async Task ListCases_QualityOfficerAndReadKey_SeeEveryDepartmentAndMayFilter()
    {
        var own = await app.OpenCaseAsync("D01");
        var other = await app.OpenCaseAsync("D02");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);

        var everything = await ListAsync(quality, "/api/cases?limit=500");
        var d02 = await ListAsync(app.Reader, "/api/cases?department=D02&limit=500");

        Assert.Contains(everything.Items, c => c.Id == own);
        Assert.Contains(everything.Items, c => c.Id == other);
        Assert.Contains(d02.Items, c => c.Id == other);
        Assert.All(d02.Items, c => Assert.Equal("D02", c.DepartmentCode));
    }

    [Fact]
    public async Task Inbox_ShowsOwnRoleAndDepartmentsMessagesOnly()
    {
        var own = await app.OpenCaseAsync("D01");
        var other = await app.OpenCaseAsync("D02");
        await app.DeliverAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        using var head = await app.SignedInAsAsync(Roles.DepartmentHead, "D01");
        using var admin = await app.SignedInAsAsync(Roles.Admin);

        var officerInbox = await InboxAsync(officer);
        var headInbox = await InboxAsync(head);
        var adminInbox = await InboxAsync(admin);

        Assert.Contains(officerInbox.Items, m => m.CaseId == own && m.Kind == "opened");
        Assert.DoesNotContain(officerInbox.Items, m => m.CaseId == other);
        Assert.DoesNotContain(headInbox.Items, m => m.CaseId == own || m.CaseId == other);
        Assert.Contains(adminInbox.Items, m => m.CaseId == other);
        var otherMessage = adminInbox.Items.First(m => m.CaseId == other).Id;
        var ownMessage = officerInbox.Items.First(m => m.CaseId == own).Id;
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/inbox/{otherMessage}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/inbox/{ownMessage}/read", null, Ct)).StatusCode);
        var after = await InboxAsync(officer);
        Assert.True(after.Items.Single(m => m.Id == ownMessage).Read);
        Assert.Equal(officerInbox.Unread - 1, after.Unread);
        Assert.Contains("新差评工单", await officer.GetStringAsync("/inbox", Ct));
    }

    private static FormUrlEncodedContent PageForm(string token, string action) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["action"] = action,
    });

    private static async Task<CaseListResponse> ListAsync(HttpClient client, string path) => (await client.GetFromJsonAsync<CaseListResponse>(path, Ct))!;

    private static async Task<InboxResponse> InboxAsync(HttpClient client) => (await client.GetFromJsonAsync<InboxResponse>("/api/inbox", Ct))!;
}
