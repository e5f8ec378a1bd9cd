using System.Net;
using System.Net.Http.Json;
using System.Text;
using Feedback.Tests.Import;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;
using Feedback.Web.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Cases;

/// <summary>Every storage path opens exactly one case per bad rating, in the rating's own transaction.</summary>
public sealed class CaseOpeningTests(CasesApp app) : IClassFixture<CasesApp>, IDisposable
{
    private const string Header = "caseNumber,channel,rating,reasonCodes,comment,departmentCode,windowCode";
    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-cases-").FullName;
    private readonly string _prefix = "C" + Guid.NewGuid().ToString("N")[..10] + "-";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvaluation_BadRating_OpensOneCaseDueIn24HoursWithEventAndNotice()
    {
        var response = await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 2).With("departmentCode", "D01"));
        var evaluation = (await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!;

        var caseId = Assert.Single(await app.CaseIdsAsync(evaluation.Id));
        var detail = await app.Admin.GetCaseAsync(caseId);
        Assert.Equal(("open", "D01"), (detail.Case.State, detail.Case.DepartmentCode));
        Assert.Equal(app.Clock.GetUtcNow(), evaluation.ReceivedAt);
        Assert.Equal(evaluation.ReceivedAt, detail.Case.OpenedAt);
        Assert.Equal(evaluation.ReceivedAt.AddHours(24), detail.Case.DueAt);
        var open = Assert.Single(detail.Timeline);
        Assert.Equal(("open", "system", null, "open"), (open.Action, open.Actor, open.FromState, open.ToState));
        Assert.Equal(["opened -> inbox:department_officer:D01"], await app.NotificationsAsync(caseId));
    }

    [Fact]
    public async Task PostEvaluation_BadRatingWithPhoneAndSmsOff_KeepsNoFullNumberAndQueuesNoText()
    {
        var body = TestRatings.Valid(rating: 1).With("rater", new { anonymous = false, phone = "13912345678" });
        var response = await app.Ingest.PostRatingAsync(body);
        var evaluation = (await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!;

        var caseId = Assert.Single(await app.CaseIdsAsync(evaluation.Id));
        Assert.Equal("139****5678", evaluation.Rater.PhoneMasked);
        Assert.Equal([true], await app.QueryAsync("SELECT contact_phone_cipher IS NULL FROM cases WHERE id = $1", r => r.GetBoolean(0), caseId));
        Assert.Equal(["opened -> inbox:department_officer:D01"], await app.NotificationsAsync(caseId));
    }

    [Fact]
    public async Task PostEvaluation_RetryOfABadRating_OpensNoSecondCase()
    {
        var body = TestRatings.Valid(rating: 1).With("assessNumber", 2);
        var first = await app.Ingest.PostRatingAsync(body);
        var retry = await app.Ingest.PostRatingAsync(body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        var id = (await first.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!.Id;
        var caseId = Assert.Single(await app.CaseIdsAsync(id));
        Assert.Equal(["open"], await app.EventActionsAsync(caseId));
        Assert.Single(await app.NotificationsAsync(caseId));
    }

    [Theory]
    [InlineData(5, "qr", false)]
    [InlineData(4, "qr", false)]
    [InlineData(3, "qr", false)]
    [InlineData(3, "default", true)]
    public async Task PostEvaluation_GoodOrDefaultRating_OpensNoCase(int rating, string channel, bool isDefault)
    {
        var response = await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: rating).With("channel", channel).With("isDefault", isDefault));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await app.CaseIdsAsync((await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!.Id));
    }

    [Fact]
    public async Task PostBatch_MixedRows_OpensOneCasePerValidBadRow()
    {
        var repeated = TestRatings.NewCaseNumber();
        var items = new[]
        {
            TestRatings.Valid(rating: 1),
            TestRatings.Valid(rating: 5),
            TestRatings.Valid(rating: 2).With("rating", 9),
            TestRatings.Valid(repeated, rating: 2),
            TestRatings.Valid(repeated, rating: 2),
            TestRatings.Valid(rating: 2).With("departmentCode", "D99"),
        };

        var batch = (await (await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items }, Ct)).Content.ReadFromJsonAsync<BatchResponse>(Ct))!;

        Assert.Equal(["created", "created", "invalid", "created", "duplicate", "invalid"], batch.Items.Select(i => i.Status));
        Assert.Equal([1, 0, 1], await CaseCountsAsync(batch.Items[0].Id!.Value, batch.Items[1].Id!.Value, batch.Items[3].Id!.Value));
    }

    [Fact]
    public async Task PostBatch_WalkUpRatings_EachBadOneOpensTheCaseOfItsOwnRow()
    {
        var ratings = new[] { 1, 5, 2, 2, 4, 1 };
        var items = ratings.Select((r, i) => TestRatings.Valid(rating: r).With("caseNumber", null).With("comment", $"窗口评价 {i}")).ToArray();

        var batch = (await (await app.Ingest.PostAsJsonAsync("/api/evaluations/batch", new { items }, Ct)).Content.ReadFromJsonAsync<BatchResponse>(Ct))!;

        var withCase = new List<string>();
        foreach (var item in batch.Items)
        {
            foreach (var caseId in await app.CaseIdsAsync(item.Id!.Value))
            {
                withCase.Add((await app.Admin.GetCaseAsync(caseId)).Evaluation.Comment!);
            }
        }
        Assert.Equal(["窗口评价 0", "窗口评价 2", "窗口评价 3", "窗口评价 5"], withCase);
    }

    [Fact]
    public async Task Import_CopyPath_OpensOneCasePerBadRow()
    {
        var path = WriteFile("copy.csv", $"{Header}\n{Case("a")},qr,1,,,D01,W001\n{Case("b")},qr,5,,,D01,W001\n{Case("c")},qr,2,,,D01,W001\n{Case("d")},qr,3,,,D01,W001\n");

        var summary = await RunImportAsync(path);

        Assert.Equal(4, summary.Created);
        Assert.Equal([Case("a"), Case("c")], await ImportedWithCaseAsync());
    }

    [Fact]
    public async Task Import_FallbackAfterTheCopyIsRefused_OpensOneCasePerStoredBadRow()
    {
        // A row the database rejects makes the chunk's COPY fail, so the chunk is stored in halves instead.
        var rejected = Case("rejected");
        var path = WriteFile("fallback.csv", $"{Header}\n{Case("a")},qr,1,,,D01,W001\n{rejected},qr,2,,,D01,W001\n{Case("b")},qr,4,,,D01,W001\n{Case("c")},qr,2,,,D01,W001\n");
        var summary = default(ImportSummary);

        await app.WhileRefusingAsync("evaluations", $"NEW.case_number = '{rejected}'", async () => summary = await RunImportAsync(path));

        Assert.Equal((3, 1), (summary!.Created, summary.Invalid));
        Assert.Equal([Case("a"), Case("c")], await ImportedWithCaseAsync());
    }

    [Fact]
    public async Task PostEvaluation_CaseTheDatabaseRefuses_StoresNeitherRatingNorCase()
    {
        // The case insert fails after the rating's insert; in the same transaction, the rating must go too.
        var caseNumber = TestRatings.NewCaseNumber();
        var response = default(HttpResponseMessage);

        await app.WhileRefusingAsync("cases", $"(SELECT case_number FROM evaluations WHERE id = NEW.evaluation_id) = '{caseNumber}'",
            async () => response = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response!.StatusCode);
        Assert.Empty(await app.QueryAsync("SELECT id FROM evaluations WHERE case_number = $1", r => r.GetInt64(0), caseNumber));
        // The same rating sent again opens its case normally.
        var retry = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 1));
        Assert.Single(await app.CaseIdsAsync((await retry.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!.Id));
    }

    [Fact]
    public async Task PostEvaluation_RatingTheDatabaseRejects_OpensNoCase()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var before = await CountAsync("SELECT count(*) FROM cases");
        var response = default(HttpResponseMessage);

        await app.WhileRefusingAsync("evaluations", $"NEW.case_number = '{caseNumber}'",
            async () => response = await app.Ingest.PostRatingAsync(TestRatings.Valid(caseNumber, rating: 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response!.StatusCode);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM cases"));
    }

    public void Dispose() => TestPostgres.TryDelete(_directory);

    private string Case(string name) => _prefix + name;

    private Task<ImportSummary> RunImportAsync(string path) => app.Services.CreateImportRunner().RunAsync(path, _ => { }, null, Ct);

    private async Task<List<int>> CaseCountsAsync(params long[] evaluationIds)
    {
        var counts = new List<int>();
        foreach (var id in evaluationIds)
        {
            counts.Add((await app.CaseIdsAsync(id)).Count);
        }
        return counts;
    }

    private async Task<long> CountAsync(string sql) => (await app.QueryAsync(sql, r => r.GetInt64(0)))[0];

    /// <summary>This test's imported case numbers that have a case (each at most once, or the join shows it twice).</summary>
    private Task<List<string>> ImportedWithCaseAsync() => app.QueryAsync(
        "SELECT e.case_number FROM evaluations e JOIN cases c ON c.evaluation_id = e.id WHERE starts_with(e.case_number, $1) ORDER BY 1",
        r => r.GetString(0), _prefix);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
