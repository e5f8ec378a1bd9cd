using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;

namespace Feedback.Tests.Classification;

public sealed class TrainWithCorrectionsTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-train-").FullName;

    [Fact]
    public async Task Train_IncludeCorrections_AddsCorrectedCommentsToTheTrainingRows()
    {
        var body = TestRatings.Valid(rating: 2).With("comment", "叫号屏一直不动，也没人解释");
        var created = await (await app.Ingest.PostRatingAsync(body)).Content.ReadFromJsonAsync<EvaluationResponse>(Ct);
        await app.Admin.PutAsJsonAsync($"/api/evaluations/{created!.Id}/theme", new { theme = "queue" }, Ct);
        var data = Path.Combine(_directory, "small.csv");
        await File.WriteAllLinesAsync(data, ["text,theme", .. SmallTrainingSet()], Ct);
        var model = Path.Combine(_directory, "model.zip");

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["train", "--data", data, "--out", model, "--include-corrections"], Ct);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("(1 from corrections)", result.Output);
        Assert.True(File.Exists(model));
    }

    private static IEnumerable<string> SmallTrainingSet() =>
        Enumerable.Range(0, 12).SelectMany(i => new[] { $"排队等了{i + 1}个小时,queue", $"态度很差第{i + 1}次,attitude" });

    public void Dispose() => TestPostgres.TryDelete(_directory);
}
