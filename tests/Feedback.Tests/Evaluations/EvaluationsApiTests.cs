using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Tests.Evaluations;

public sealed class EvaluationsApiTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvaluation_Valid_Returns201WithLocationAndStoredRecord()
    {
        var body = TestRatings.Valid().With("comment", "窗口小姐姐很耐心👍").With("reasonCodes", Array.Empty<int>());

        var response = await app.Ingest.PostRatingAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        Assert.NotNull(created);
        Assert.Equal($"/api/evaluations/{created.Id}", response.Headers.Location?.OriginalString);
        var stored = await app.Reader.GetFromJsonAsync<EvaluationResponse>(response.Headers.Location, Ct);
        Assert.NotNull(stored);
        Assert.Equivalent(created, stored, strict: true);
        Assert.Equal("窗口小姐姐很耐心👍", stored.Comment);
        Assert.Equal("非常满意", stored.RatingLabel);
    }

    [Fact]
    public async Task PostEvaluation_SameCaseNumberAgain_Returns200WithTheFirstRecord()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var first = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 4));

        var retry = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 4));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        var b = await retry.Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        Assert.Equal(a!.Id, b!.Id);
        var page = await app.Reader.GetFromJsonAsync<EvaluationPage>($"/api/evaluations?limit=500", Ct);
        Assert.Single(page!.Items, e => e.CaseNumber == caseNumber);
    }

    [Fact]
    public async Task PostEvaluation_ConcurrentRetriesOfOneCase_StoreOneRow()
    {
        var caseNumber = TestRatings.NewCaseNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<EvaluationResponse>(Ct)));
        Assert.Single(ids.Select(e => e!.Id).Distinct());
    }

    [Fact]
    public async Task PostEvaluation_FollowUp_IsStoredBesideTheFirstRating()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 2));

        var followUp = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 5).With("assessNumber", 2));

        Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
    }

    [Theory]
    [InlineData("rating", 0)]
    [InlineData("rating", 6)]
    [InlineData("channel", "fax")]
    [InlineData("departmentCode", "NOPE")]
    [InlineData("windowCode", "W999")]
    [InlineData("windowCode", "W006")] // belongs to D02
    [InlineData("staffCode", "S999")]
    [InlineData("serviceItemCode", "I999")]
    [InlineData("assessNumber", 3)]
    public async Task PostEvaluation_BadField_Returns400NamingTheField(string field, object value)
    {
        var response = await app.Ingest.PostRatingAsync(TestRatings.Valid().With(field, value));

        await AssertProblemAsync(response, field);
    }

    [Fact]
    public async Task PostEvaluation_ReasonCodeOfAnotherRating_Returns400NamingReasonCodes()
    {
        var body = TestRatings.Valid(rating: 2).With("reasonCodes", new[] { 213, 115 });

        await AssertProblemAsync(await app.Ingest.PostRatingAsync(body), "reasonCodes");
    }

    [Fact]
    public async Task PostEvaluation_ReasonCodesOnAGoodRating_Returns400()
    {
        await AssertProblemAsync(await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 5).With("reasonCodes", new[] { 213 })), "reasonCodes");
    }

    [Fact]
    public async Task PostEvaluation_UnknownReasonCode_Returns400()
    {
        await AssertProblemAsync(await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 1).With("reasonCodes", new[] { 999 })), "reasonCodes");
    }

    [Fact]
    public async Task PostEvaluation_CommentOver1000Characters_Returns400()
    {
        await AssertProblemAsync(await app.Ingest.PostRatingAsync(TestRatings.Valid().With("comment", new string('慢', 1001))), "comment");
    }

    [Fact]
    public async Task PostEvaluation_EvaluatedAtInTheFuture_Returns400()
    {
        var body = TestRatings.Valid().With("evaluatedAt", DateTimeOffset.UtcNow.AddHours(1));

        await AssertProblemAsync(await app.Ingest.PostRatingAsync(body), "evaluatedAt");
    }

    [Fact]
    public async Task PostEvaluation_SeveralBadFields_NamesEveryOne()
    {
        var body = TestRatings.Valid().With("rating", 9).With("channel", "x").With("comment", new string('a', 1001));

        var response = await app.Ingest.PostRatingAsync(body);

        var problem = await AssertProblemAsync(response, "rating");
        Assert.Contains("channel", problem.Errors.Keys);
        Assert.Contains("comment", problem.Errors.Keys);
    }

    [Fact]
    public async Task PostEvaluation_WrongJsonType_Returns400NamingTheField()
    {
        var response = await app.Ingest.PostAsync("/api/evaluations",
            new StringContent("""{"rating":"five","channel":"qr"}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("rating", out _));
    }

    [Fact]
    public async Task PostEvaluation_InvalidRating_WritesNothing()
    {
        var caseNumber = TestRatings.NewCaseNumber();

        await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber).With("rating", 0));

        var retry = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task PostEvaluation_NamedRater_StoresPhoneMaskedOnly()
    {
        var body = TestRatings.Valid(rating: 2).With("rater", new { name = "王阿姨", phone = "+86 138-1234-5678" });

        var response = await app.Ingest.PostRatingAsync(body);

        var stored = await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        Assert.Equal(new RaterResponse(false, "王阿姨", "138****5678"), stored!.Rater);
        Assert.DoesNotContain("13812345678", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PostEvaluation_AnonymousWithPhone_Returns400()
    {
        var body = TestRatings.Valid().With("rater", new { anonymous = true, phone = "13812345678" });

        await AssertProblemAsync(await app.Ingest.PostRatingAsync(body), "rater");
    }

    [Fact]
    public async Task PostEvaluation_DefaultRatingThatIsNotBasic_Returns400()
    {
        var body = TestRatings.Valid(rating: 5).With("channel", "default").With("isDefault", true);

        await AssertProblemAsync(await app.Ingest.PostRatingAsync(body), "isDefault");
    }

    internal static async Task<ValidationProblemDetails> AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.NotNull(problem);
        Assert.Contains(field, problem.Errors.Keys);
        return problem;
    }
}
