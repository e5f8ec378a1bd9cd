using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;

namespace Feedback.Tests.Evaluations;

public sealed class BatchApiTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostBatch_MixedRows_StoresValidOnesAndReportsEachRow()
    {
        var existing = TestRatings.NewCaseNumber();
        await app.Ingest.PostRatingAsync(TestRatings.Valid(existing));
        var fresh = TestRatings.NewCaseNumber();
        var items = new[]
        {
            TestRatings.Valid(fresh),
            TestRatings.Valid().With("rating", 7),
            TestRatings.Valid(existing),
            TestRatings.Valid(rating: 1).With("reasonCodes", new[] { 113 }).With("comment", "让我跑了三个窗口"),
            TestRatings.Valid(fresh),
        };

        var response = await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<BatchResponse>(Ct);
        Assert.Equal(["created", "invalid", "duplicate", "created", "duplicate"], batch!.Items.Select(i => i.Status));
        Assert.Equal((2, 2, 1), (batch.Created, batch.Duplicates, batch.Invalid));
        Assert.Contains("rating", batch.Items[1].Errors!.Keys);
        Assert.Equal(batch.Items[0].Id, batch.Items[4].Id);
        var stored = await app.Reader.GetFromJsonAsync<EvaluationResponse>($"/api/evaluations/{batch.Items[3].Id}", Ct);
        Assert.Equal("让我跑了三个窗口", stored!.Comment);
    }

    [Fact]
    public async Task PostBatch_OverTheLimit_Returns400NamingItems()
    {
        var items = Enumerable.Range(0, EvaluationsApi.MaxBatch + 1).Select(_ => TestRatings.Valid()).ToArray();

        var response = await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items }, Ct);

        await EvaluationsApiTests.AssertProblemAsync(response, "items");
    }

    [Fact]
    public async Task PostBatch_Empty_Returns400()
    {
        var response = await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items = Array.Empty<object>() }, Ct);

        await EvaluationsApiTests.AssertProblemAsync(response, "items");
    }
}
