using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Classification;
using Feedback.Web.Evaluations;

namespace Feedback.Tests.Classification;

/// <summary>The shipped polarity model inside the service: signals follow what a comment says, not what it is about.</summary>
public sealed class PolarityTaggingTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("环境干净整洁，指引清楚")]
    [InlineData("网上预审后来现场十分钟办好")]
    [InlineData("预约后基本不用等")]
    [InlineData("材料一次性告知，很贴心")]
    public async Task PostEvaluation_PraiseNamingATopicOnFiveStars_IsNotFlagged(string comment)
    {
        var created = await PostAsync(rating: 5, comment);

        Assert.Null(created.Theme!.Signal);
        Assert.Equal("praise", created.Polarity!.Code);
        Assert.Equal("表扬", created.Polarity.Label);
    }

    [Fact]
    public async Task PostEvaluation_ComplaintOnFiveStars_IsFlaggedWithItsPolarityShown()
    {
        var created = await PostAsync(rating: 5, "态度倒是挺客气，可是让我来回跑了三趟才办完");

        Assert.Equal(ThemeSignals.SuspectedBad, created.Theme!.Signal);
        Assert.Equal("complaint", created.Polarity!.Code);
        Assert.Equal("投诉", created.Polarity.Label);
        Assert.InRange(created.Polarity.Confidence, 0.8f, 1f);
        Assert.Matches("^[0-9a-f]{12}$", created.Polarity.ModelVersion!);
        var stored = await app.Reader.GetFromJsonAsync<EvaluationResponse>($"/api/evaluations/{created.Id}", Ct);
        Assert.Equal(created.Polarity, stored!.Polarity);
        var flagged = await app.Reader.GetFromJsonAsync<EvaluationPage>("/api/evaluations?signal=suspected_bad&limit=500", Ct);
        Assert.Contains(flagged!.Items, e => e.Id == created.Id && e.Polarity!.Code == "complaint");
    }

    [Fact]
    public async Task PostEvaluation_PraiseOnOneStar_IsOfferedAsAppealCandidate()
    {
        var created = await PostAsync(rating: 1, "小姑娘特别耐心，十分钟就办完了，谢谢");

        Assert.Equal(ThemeSignals.AppealCandidate, created.Theme!.Signal);
        Assert.Equal("praise", created.Polarity!.Code);
        Assert.InRange(created.Polarity.Confidence, 0.8f, 1f);
    }

    [Fact]
    public async Task PostEvaluation_WithoutComment_HasNoPolarity()
    {
        var created = await (await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 4))).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);

        Assert.Null(created!.Polarity);
    }

    private async Task<EvaluationResponse> PostAsync(int rating, string comment)
    {
        var response = await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: rating).With("comment", comment));
        return (await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!;
    }
}
