using System.Net.Http.Json;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;

namespace Feedback.Tests.Evaluations;

public sealed class EvaluationQueriesTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListEvaluations_KeysetPages_CoverEveryRowOnceNewestFirst()
    {
        var staff = "S004"; // W002 of D01: only this test rates it
        var created = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            var response = await app.Ingest.PostRatingAsync(TestRatings.Valid().With("windowCode", "W002").With("staffCode", staff));
            created.Add((await response.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!.Id);
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await app.Reader.GetFromJsonAsync<EvaluationPage>($"/api/evaluations?staffCode={staff}&limit=3&cursor={cursor}", Ct);
            seen.AddRange(page!.Items.Select(e => e.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(created.OrderDescending(), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListEvaluations_BadOnlyAndTimeRange_FilterRows()
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
        await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 1).With("departmentCode", "D03").With("windowCode", null).With("staffCode", null).With("serviceItemCode", null).With("evaluatedAt", at));
        await app.Ingest.PostRatingAsync(TestRatings.Valid(rating: 5).With("departmentCode", "D03").With("windowCode", null).With("staffCode", null).With("serviceItemCode", null).With("evaluatedAt", at));

        var page = await app.Reader.GetFromJsonAsync<EvaluationPage>(
            $"/api/evaluations?departmentCode=D03&badOnly=true&from=2026-03-02T00:00:00%2B08:00&to=2026-03-03T00:00:00%2B08:00", Ct);

        var only = Assert.Single(page!.Items);
        Assert.Equal(1, only.Rating);
        Assert.Equal(at, only.EvaluatedAt);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("rating=9", "rating")]
    [InlineData("from=yesterday", "from")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("badOnly=perhaps", "badOnly")]
    public async Task ListEvaluations_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        var response = await app.Reader.GetAsync($"/api/evaluations?{query}", Ct);

        await EvaluationsApiTests.AssertProblemAsync(response, field);
    }

    [Fact]
    public async Task GetEvaluation_Unknown_Returns404()
    {
        var response = await app.Reader.GetAsync("/api/evaluations/999999999", Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetOrg_ListsTheOrganisationWithCodes()
    {
        var org = await app.Reader.GetFromJsonAsync<Feedback.Web.Organization.OrgDto>("/api/org", Ct);

        Assert.Equal(8, org!.Departments.Count);
        Assert.Equal(40, org.Windows.Count);
        Assert.Equal(120, org.Staff.Count);
        Assert.Equal(60, org.ServiceItems.Count);
        Assert.Contains(org.Departments, d => d.Name == "不动产登记中心");
    }
}
