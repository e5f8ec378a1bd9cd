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
    public async Task PostBatch_RowTheDatabaseRejects_IsInvalidAndTheOthersAreStored()
    {
        var poison = "POISON" + TestRatings.NewCaseNumber();
        await ExecuteAsync($"""
            CREATE FUNCTION reject_{poison.ToLowerInvariant()}() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.case_number = '{poison}' THEN RAISE EXCEPTION 'rejected' USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER reject_{poison.ToLowerInvariant()} BEFORE INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION reject_{poison.ToLowerInvariant()}();
            """);
        try
        {
            var items = new[] { TestRatings.Valid(), TestRatings.Valid(poison), TestRatings.Valid() };

            var batch = await (await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items }, Ct)).Content.ReadFromJsonAsync<BatchResponse>(Ct);

            Assert.Equal(["created", "invalid", "created"], batch!.Items.Select(i => i.Status));
            Assert.Contains("evaluation", batch.Items[1].Errors!.Keys);
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER reject_{poison.ToLowerInvariant()} ON evaluations; DROP FUNCTION reject_{poison.ToLowerInvariant()}();");
        }
    }

    [Fact]
    public async Task PostEvaluation_CommentWithNul_Returns400AndAnswersTheOthersInItsBatch()
    {
        var good = Enumerable.Range(0, 20).Select(_ => app.Ingest.PostRatingAsync(TestRatings.Valid().With("comment", "很好")));
        var bad = app.Ingest.PostRatingAsync(TestRatings.Valid().With("comment", "a\u0000b"));

        var responses = await Task.WhenAll([.. good, bad]);

        Assert.All(responses[..^1], r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await EvaluationsApiTests.AssertProblemAsync(responses[^1], "comment");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task PostBatch_WalkUpRatings_EachIdPointsAtItsOwnRow()
    {
        var comments = Enumerable.Range(0, 8).Select(i => $"无办件编号的评价 {i}").ToArray();
        var items = comments.Select(c => TestRatings.Valid().With("caseNumber", null).With("comment", c)).ToArray();

        var batch = await (await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items }, Ct)).Content.ReadFromJsonAsync<BatchResponse>(Ct);

        for (var i = 0; i < comments.Length; i++)
        {
            var stored = await app.Reader.GetFromJsonAsync<EvaluationResponse>($"/api/evaluations/{batch!.Items[i].Id}", Ct);
            Assert.Equal(comments[i], stored!.Comment);
        }
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
