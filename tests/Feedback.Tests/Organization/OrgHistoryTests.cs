using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Qr;
using Feedback.Web.Organization;
using Feedback.Web.Qr;
using Feedback.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Organization;

/// <summary>History is kept: renames and retirements never rewrite ratings, retired records keep their names and take no new ratings.</summary>
public sealed class OrgHistoryTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClosedWindow_RefusesNewRatingsNamingTheField_ButTakesOneEvaluatedBeforeItClosed()
    {
        var evaluatedBefore = DateTimeOffset.UtcNow.AddHours(-1);
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W039", "H04", "民政局4号窗口", "D08", "3楼H区", Active: false));

        var refused = await app.Ingest.PostRatingAsync(Rating("W039", "D08"));
        var late = await app.Ingest.PostRatingAsync(Rating("W039", "D08").With("evaluatedAt", evaluatedBefore));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("is closed", errors.GetProperty("windowCode")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
    }

    [Fact]
    public async Task DepartedPerson_RefusesNewRatingsNamingTheField()
    {
        await app.ImportAsync(OrgKind.Staff, new StaffRow("S002", "离岗人员", "D01", "W001", Active: false));

        var response = await app.Ingest.PostRatingAsync(TestRatings.Valid().With("staffCode", "S002"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("has left", errors.GetProperty("staffCode")[0].GetString());
    }

    [Fact]
    public async Task ClosedWindow_ItsPosterLink_ShowsAFriendlyPage()
    {
        var token = await app.SignAsync(QrLink.Poster("W034", "S100"));
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W034", "G04", "公安局户政出入境4号窗口", "D07", "3楼G区", Active: false));

        var response = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("该窗口已停用", html);
        Assert.DoesNotContain("<form", html);
    }

    [Fact]
    public async Task DepartedPerson_TheirPosterLink_ShowsAFriendlyPage()
    {
        var token = await app.SignAsync(QrLink.Poster("W030", "S090"));
        await app.ImportAsync(OrgKind.Staff, new StaffRow("S090", "调离人员", "D06", "W030", Active: false));

        var response = await QrClient.Phone(app).GetAsync($"/r/{token}", Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("该工作人员已不在岗", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task RenamingADepartment_KeepsStoredRatingsAndShowsTheNewNameEverywhere()
    {
        var stored = await (await app.Ingest.PostRatingAsync(Rating("W011", "D03"))).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = await app.SignAsync(QrLink.Poster("W011"));

        await app.ImportAsync(OrgKind.Departments, new DepartmentRow("D03", "住房公积金中心（新名）", null, null));

        var reread = await app.Reader.GetFromJsonAsync<JsonElement>($"/api/evaluations/{stored.GetProperty("id").GetInt64()}", Ct);
        Assert.Equal("D03", reread.GetProperty("departmentCode").GetString());
        Assert.Equal(stored.GetRawText(), reread.GetRawText());
        Assert.Contains("住房公积金中心（新名）", await QrClient.Phone(app).GetStringAsync($"/r/{token}", Ct));
        var org = await app.Reader.GetFromJsonAsync<OrgDto>("/api/org", Ct);
        Assert.Equal("住房公积金中心（新名）", org!.Departments.Single(d => d.Code == "D03").Name);
    }

    [Fact]
    public async Task RetiredWindow_KeepsItsNameInListsAndReports()
    {
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W025", "E05", "市场监督管理局5号窗口", "D05", "2楼E区", Active: false));

        var org = await app.Reader.GetFromJsonAsync<OrgDto>("/api/org", Ct);
        var names = await app.Services.GetRequiredService<WeeklyQueries>().NamesAsync(Ct);

        Assert.Equal(new WindowRow("W025", "E05", "市场监督管理局5号窗口", "D05", "2楼E区", Active: false), org!.Windows.Single(w => w.Code == "W025"));
        Assert.Contains(names.Windows, w => w.Code == "W025" && w.Name == "E05 市场监督管理局5号窗口");
    }

    private static Dictionary<string, object?> Rating(string window, string department) => new()
    {
        ["caseNumber"] = TestRatings.NewCaseNumber(),
        ["channel"] = "qr",
        ["rating"] = 4,
        ["departmentCode"] = department,
        ["windowCode"] = window,
    };
}
