using System.Net;
using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.ApiKeys;

public sealed class ApiKeyTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvaluation_WithoutKey_Returns401ProblemDetails()
    {
        var response = await app.Anonymous.PostRatingAsync(TestRatings.Valid());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostEvaluation_WithWrongKey_Returns401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "fbk_not-a-key");

        var response = await client.PostRatingAsync(TestRatings.Valid());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostEvaluation_WithReadKey_Returns403()
    {
        var response = await app.Reader.PostRatingAsync(TestRatings.Valid());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ListEvaluations_WithIngestKey_Returns403()
    {
        var response = await app.Ingest.GetAsync("/api/evaluations", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdminKey_MayIngestAndRead()
    {
        var post = await app.Admin.PostRatingAsync(TestRatings.Valid());
        var get = await app.Admin.GetAsync("/api/org", Ct);

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task Health_AnswersWithoutKey()
    {
        var response = await app.Anonymous.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var json = await app.Anonymous.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("/api/evaluations/batch", json);
    }
}
