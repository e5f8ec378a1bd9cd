using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Classification;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Classification;

/// <summary>Re-scoring stored ratings after a model change: old rows get the loaded models' answers, and a second run has nothing to do.</summary>
public sealed class ReclassifyTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Reclassifier Reclassifier => app.Services.GetRequiredService<Reclassifier>();

    [Fact]
    public async Task RunAsync_RowsScoredByAnOldModel_AreRescoredOnceAndTheSecondRunDoesNothing()
    {
        var complaint = await PostAsync(5, "排了两个小时，窗口就开了一个", "2026-11-20T10:00:00+08:00");
        var praise = await PostAsync(1, "工作人员很耐心，一次就办好了，谢谢", "2026-11-20T11:00:00+08:00");
        await MakeStaleAsync(complaint.Id, praise.Id);

        var first = await Reclassifier.RunAsync(null, null, Ct);
        var second = await Reclassifier.RunAsync(null, null, Ct);

        Assert.True(first >= 2, $"re-scored {first}");
        Assert.Equal(0, second);
        Assert.Equal(0, await Reclassifier.CountAsync(null, Ct));
        var rescored = await GetAsync(complaint.Id);
        Assert.Equal(ThemeSignals.SuspectedBad, rescored.Theme!.Signal);
        Assert.Equal(complaint.Theme!.Code, rescored.Theme.Code);
        Assert.Equal(complaint.Polarity, rescored.Polarity);
        Assert.Equal(complaint.Theme.ModelVersion, rescored.Theme.ModelVersion);
        var appeal = await GetAsync(praise.Id);
        Assert.Equal(ThemeSignals.AppealCandidate, appeal.Theme!.Signal);
        Assert.Equal("praise", appeal.Polarity!.Code);
    }

    [Fact]
    public async Task RunAsync_Since_LeavesOlderRowsForALaterRun()
    {
        var old = await PostAsync(4, "等了很久也没人管", "2026-10-01T09:00:00+08:00");
        var recent = await PostAsync(4, "等了很久也没人理我们", "2026-11-25T09:00:00+08:00");
        await MakeStaleAsync(old.Id, recent.Id);
        var since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));

        await Reclassifier.RunAsync(since, null, Ct);

        Assert.Null((await GetAsync(old.Id)).Polarity);
        Assert.NotNull((await GetAsync(recent.Id)).Polarity);
        Assert.Equal(0, await Reclassifier.CountAsync(since, Ct));
        Assert.True(await Reclassifier.CountAsync(null, Ct) >= 1);
        await Reclassifier.RunAsync(null, null, Ct);
        Assert.Equal("complaint", (await GetAsync(old.Id)).Polarity!.Code);
    }

    private async Task<EvaluationResponse> PostAsync(int rating, string comment, string evaluatedAt)
    {
        var body = TestRatings.Valid(rating: rating).With("comment", comment).With("evaluatedAt", evaluatedAt);
        var response = await app.Ingest.PostRatingAsync(body);
        return (await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!;
    }

    private async Task<EvaluationResponse> GetAsync(long id) => (await app.Reader.GetFromJsonAsync<EvaluationResponse>($"/api/evaluations/{id}", Ct))!;

    /// <summary>As stored before the polarity model: another theme model's version, no polarity, the old theme-based signal.</summary>
    private async Task MakeStaleAsync(params long[] ids)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            UPDATE evaluations SET model_version = 'old-model', polarity = NULL, polarity_confidence = NULL, polarity_model_version = NULL,
                   theme_signal = 'suspected_bad', theme = 'other'
            WHERE id = ANY($1)
            """, connection);
        command.Parameters.Add(new() { Value = ids });
        await command.ExecuteNonQueryAsync(Ct);
    }
}
