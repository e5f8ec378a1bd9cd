using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Tests.Departments;
using Feedback.Web.Accounts;
using Feedback.Web.Departments;
using Feedback.Web.Overview;
using Feedback.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Tests.Overview;

/// <summary>
/// The centre's overview on the departments' data (Wednesday 15:00 of week 2026-W48): its figures are the weekly
/// report's for the same week read at the same moment, and the raw rows' for this week so far and the same stretch of
/// last week; who may see it; the minute's cache.
/// </summary>
[Collection(DepartmentCollection.Name)]
public sealed class CentreOverviewTests(DepartmentFixture fixture)
{
    private static readonly DateTimeOffset Now = DepartmentFixture.Now;
    private static readonly ReportWeek Week = DepartmentFixture.Week;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_RunningWeek_AgreesWithTheWeeklyReportReadAtTheSameMoment()
    {
        var overview = await ReadAsync();
        var report = await fixture.ReportAsync();

        Assert.Equal(report.Current with { DepartmentsRated = 0, Departments = 0 }, overview.ThisWeek);
        foreach (var department in report.Departments)
            Assert.Equal(department.Counts, overview.Departments.Single(d => d.Code == department.Code).ThisWeek);
        foreach (var indicator in Indicators.All.Where(i => i != Indicators.DepartmentCoverage))
            Assert.Equal(indicator.Format(indicator.Compute(report.Current)), indicator.Format(indicator.Compute(overview.ThisWeek)));
    }

    [Fact]
    public async Task ReadAsync_RunningWeek_ThisWeekAndTheSameStretchOfLastWeekMatchRawRows()
    {
        var overview = await ReadAsync();

        Assert.Equal(Week, overview.Week);
        Assert.Equal(fixture.Expected.Period(Week.Start, Now), overview.ThisWeek);
        Assert.Equal(fixture.Expected.Period(Week.Previous.Start, Now.AddDays(-7)), overview.LastWeek);
        foreach (var line in overview.Departments)
        {
            Assert.Equal(fixture.Expected.Period(Week.Start, Now, line.Code), line.ThisWeek);
            Assert.Equal(fixture.Expected.Period(Week.Previous.Start, Now.AddDays(-7), line.Code), line.LastWeek);
            Assert.Equal(fixture.ExpectedLoad(line.Code), line.Cases);
        }
        Assert.Equal(8, overview.Departments.Count);
        Assert.True(overview.LastWeek.Total > 0 && overview.LastWeek.Total < fixture.Expected.Week(Week.Previous).Total);
    }

    [Fact]
    public async Task ReadAsync_MidHour_CountsTheWholeHoursFromRatingHoursAndTheRestFromTheRows()
    {
        var at = Now.AddMinutes(-25).AddSeconds(-7);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var time = new FakeTimeProvider(at);
        var hours = ActivatorUtilities.CreateInstance<RatingHours>(scope.ServiceProvider, time);
        var query = ActivatorUtilities.CreateInstance<CentreOverviewQuery>(scope.ServiceProvider, hours, time);

        var overview = await query.ReadAsync(Ct);

        Assert.Equal(fixture.Expected.Period(Week.Start, at), overview.ThisWeek);
        Assert.Equal(fixture.Expected.Period(Week.Previous.Start, at.AddDays(-7)), overview.LastWeek);
        foreach (var line in overview.Departments)
            Assert.Equal(fixture.Expected.Period(Week.Start, at, line.Code), line.ThisWeek);
        Assert.True(overview.ThisWeek.Bad > 0 && overview.ThisWeek.Bad < overview.ThisWeek.Total - overview.ThisWeek.Good);
    }

    [Fact]
    public async Task ReadAsync_DepartmentsWithoutHead_AreNamedAndTheOthersCarryTheirHeads()
    {
        var overview = await ReadAsync();

        Assert.Equal("D01主任", overview.Departments.Single(d => d.Code == "D01").Heads);
        Assert.Equal(["D02", "D03", "D04", "D05", "D06", "D07", "D08"], overview.WithoutHead.Select(d => d.Code));
    }

    [Fact]
    public async Task Cache_WithinAMinute_ReadsOnceThenAgain()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var time = new FakeTimeProvider(Now);
        var query = ActivatorUtilities.CreateInstance<CentreOverviewQuery>(scope.ServiceProvider, time);
        var cache = ActivatorUtilities.CreateInstance<CentreOverviewCache>(scope.ServiceProvider, query, time);

        var first = await cache.GetAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(59));
        var second = await cache.GetAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(2));
        var third = await cache.GetAsync(Ct);

        Assert.Same(first, second);
        Assert.NotSame(first, third);
        Assert.Contains("<svg", first.GoodRatesSvg);
        Assert.Contains("<svg", first.CasesSvg);
    }

    [Theory]
    [InlineData(DepartmentFixture.Leader)]
    [InlineData(DepartmentFixture.Quality)]
    public async Task Show_LeaderOrQualityOffice_FiguresDepartmentsAndCharts(string user)
    {
        using var client = await Browser.SignedInAsync(fixture.App, user);

        var html = await client.GetStringAsync("/overview", Ct);

        var thisWeek = fixture.Expected.Period(Week.Start, Now);
        foreach (var indicator in new[] { Indicators.Total, Indicators.GoodRate, Indicators.Bad, Indicators.RectifyRate })
            Assert.Equal(indicator.Format(indicator.Compute(thisWeek)), OverviewHtml.Chip(html, indicator.Code).Value);
        var load = Enumerable.Range(1, 8).Select(i => fixture.ExpectedLoad($"D{i:00}")).Aggregate(CaseLoad.None, (sum, l) => sum + l);
        Assert.Equal(load.Overdue.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), OverviewHtml.Chip(html, "overdue_now").Value);
        Assert.Matches("未设负责人的部门：[^。]*民政局", html);
        Assert.Contains("<a href=\"/department?code=D01\">人力资源和社会保障局</a>", html);
        Assert.Contains("<a href=\"/overview\"", html);
        foreach (var chart in new[] { OverviewPages.GoodRatesChart, OverviewPages.CasesChart })
        {
            var response = await client.GetAsync($"/overview/charts/{chart}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<svg", await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/overview/charts/other.svg", Ct)).StatusCode);
    }

    [Fact]
    public async Task Show_DepartmentHead_Forbidden()
    {
        using var head = await Browser.SignedInAsync(fixture.App, DepartmentFixture.HeadD01);

        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/overview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/overview/charts/{OverviewPages.GoodRatesChart}", Ct)).StatusCode);
    }

    private async Task<CentreOverview> ReadAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CentreOverviewQuery>().ReadAsync(Ct);
    }
}
