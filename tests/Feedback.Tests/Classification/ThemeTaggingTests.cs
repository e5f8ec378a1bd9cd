using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Evaluations;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Classification;
using Feedback.Web.Evaluations;

namespace Feedback.Tests.Classification;

/// <summary>The shipped model at work inside the service: every stored comment gets a theme and the flags.</summary>
public sealed class ThemeTaggingTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvaluation_WithComplaint_StoresThemeBesideReasonCodes()
    {
        var body = TestRatings.Valid(rating: 2).With("reasonCodes", new[] { 212 }).With("comment", "网上预约了，到大厅还要重新取号排队，等了一个多小时");

        var created = await (await app.Ingest.PostRatingAsync(body)).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        Assert.Equal([212], created!.ReasonCodes);
        Assert.NotNull(created.Theme);
        Assert.Equal("queue", created.Theme.Code);
        Assert.Equal("排队等候", created.Theme.Label);
        Assert.Equal(3, created.Theme.Top3.Count);
        Assert.False(string.IsNullOrEmpty(created.Theme.ModelVersion));
        var stored = await app.Reader.GetFromJsonAsync<EvaluationResponse>($"/api/evaluations/{created.Id}", Ct);
        Assert.Equivalent(created.Theme, stored!.Theme, strict: true);
    }

    [Fact]
    public async Task PostEvaluation_WithoutComment_HasNoTheme()
    {
        var created = await (await app.Ingest.PostRatingAsync(TestRatings.Valid())).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        Assert.Null(created!.Theme);
    }

    [Fact]
    public async Task PostEvaluation_GoodRatingWithConfidentComplaint_IsFlaggedSuspectedBad()
    {
        var body = TestRatings.Valid(rating: 5).With("comment", "工作人员态度恶劣，问两句就不耐烦，还冲我吼");

        var created = await (await app.Ingest.PostRatingAsync(body)).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        Assert.Equal("attitude", created!.Theme!.Code);
        Assert.Equal(ThemeSignals.SuspectedBad, created.Theme.Signal);
        var flagged = await app.Reader.GetFromJsonAsync<EvaluationPage>("/api/evaluations?signal=suspected_bad&limit=500", Ct);
        Assert.Contains(flagged!.Items, e => e.Id == created.Id);
    }

    [Fact]
    public async Task PostEvaluation_BadRatingWithPraise_IsOfferedAsAppealCandidate()
    {
        var body = TestRatings.Valid(rating: 1).With("comment", "工作人员非常耐心，办得很快，点错了不好意思");

        var created = await (await app.Ingest.PostRatingAsync(body)).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        Assert.Equal(Themes.PraiseMismatch, created!.Theme!.Code);
        Assert.Equal("疑似误评", created.Theme.Label);
        Assert.Equal(ThemeSignals.AppealCandidate, created.Theme.Signal);
    }

    [Fact]
    public async Task PutTheme_ByAdmin_KeepsCorrectionAndWinsOverPrediction()
    {
        var body = TestRatings.Valid(rating: 2).With("comment", "说不清楚是哪里的问题，反正不满意");
        var created = await (await app.Ingest.PostRatingAsync(body)).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        var response = await app.Admin.PutAsJsonAsync($"/api/evaluations/{created!.Id}/theme", new { theme = "competence" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = await app.Reader.GetFromJsonAsync<EvaluationResponse>($"/api/evaluations/{created.Id}", Ct);
        Assert.Equal("competence", corrected!.Theme!.Code);
        Assert.Equal("competence", corrected.Theme.CorrectedTheme);
        Assert.Equal(created.Theme!.Predicted, corrected.Theme.Predicted);
        Assert.False(corrected.Theme.NeedsReview);
        var byTheme = await app.Reader.GetFromJsonAsync<EvaluationPage>("/api/evaluations?theme=competence&limit=500", Ct);
        Assert.Contains(byTheme!.Items, e => e.Id == created.Id);
    }

    [Fact]
    public async Task PutTheme_UnknownTheme_Returns400NamingTheme()
    {
        var created = await (await app.Ingest.PostRatingAsync(TestRatings.Valid().With("comment", "好"))).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        var response = await app.Admin.PutAsJsonAsync($"/api/evaluations/{created!.Id}/theme", new { theme = "weather" }, Ct);

        await EvaluationsApiTests.AssertProblemAsync(response, "theme");
    }

    [Fact]
    public async Task PutTheme_WithIngestKey_Returns403()
    {
        var response = await app.Ingest.PutAsJsonAsync("/api/evaluations/1/theme", new { theme = "other" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PutTheme_ByDepartmentOfficer_CorrectsOwnDepartmentOnly()
    {
        var own = await (await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 2).With("comment", "等了很久"))).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        var other = await (await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 2).With("departmentCode", "D02").With("windowCode", "W006")
            .With("staffCode", null).With("serviceItemCode", null).With("comment", "等了很久"))).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        await Browser.CreateUserAsync(app, "theme-d01", Roles.DepartmentOfficer, "D01");
        using var officer = await Browser.SignedInAsync(app, "theme-d01");

        var ownResponse = await officer.PutAsJsonAsync($"/api/evaluations/{own!.Id}/theme", new { theme = "queue" }, Ct);
        var otherResponse = await officer.PutAsJsonAsync($"/api/evaluations/{other!.Id}/theme", new { theme = "queue" }, Ct);

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherResponse.StatusCode);
    }

    [Fact]
    public async Task PutTheme_ByLeader_Returns403()
    {
        await Browser.CreateUserAsync(app, "theme-leader", Roles.Leader);
        using var leader = await Browser.SignedInAsync(app, "theme-leader");

        var response = await leader.PutAsJsonAsync("/api/evaluations/1/theme", new { theme = "other" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
