using Feedback.Tests.Reports;
using Feedback.Web.Departments;
using Feedback.Web.Reports;

namespace Feedback.Tests.Departments;

/// <summary>
/// Every figure of the overview against the same figure recomputed from the raw rows, and against the weekly
/// report's figure for the department where the report has one.
/// </summary>
[Collection(DepartmentCollection.Name)]
public sealed class DepartmentOverviewQueryTests(DepartmentFixture fixture)
{
    private static readonly ReportWeek Week = DepartmentFixture.Week;

    [Theory]
    [InlineData("D01")]
    [InlineData("D02")]
    public async Task ReadAsync_Department_CasesOwedNowMatchRawRows(string code)
    {
        var overview = await OverviewAsync(code);

        Assert.Equal(fixture.ExpectedLoad(code), overview.Cases);
        Assert.True(overview.Cases.Open >= overview.Cases.DueToday + overview.Cases.Overdue);
        Assert.True(overview.Cases.DueToday > 0 && overview.Cases.Overdue > 0);
        Assert.Equal((DepartmentFixture.Now, DepartmentFixture.DayEnds), (overview.At, overview.DayEnds));
        Assert.Equal(new DateOnly(2026, 11, 25), overview.Today);
    }

    [Fact]
    public async Task ReadAsync_D01_EdgeDeadlinesCountOnTheirSideOfNowAndMidnight()
    {
        var overview = await OverviewAsync("D01");

        // W001's own generated cases plus the edge cases: due in 2 h, at 23:59:59 and exactly now are due today;
        // due at midnight is tomorrow's; a minute late and escalated-then-extended are overdue; the rectified one owes nothing.
        var generated = fixture.ExpectedLoad("D01", e => e.Window == "W001" && e.Comment != "排队排了两个小时");
        var window = overview.Windows.Single(w => w.Code == "W001");
        Assert.Equal(generated + new CaseLoad(6, 3, 2), window.Cases);
    }

    [Theory]
    [InlineData("D01")]
    [InlineData("D02")]
    public async Task ReadAsync_Department_ThisWeekMatchesRawRowsAndTheWeeklyReport(string code)
    {
        var overview = await OverviewAsync(code);
        var report = await fixture.ReportAsync();

        var expected = fixture.Expected.Week(Week, code);
        Assert.Equal(expected, overview.ThisWeek);
        Assert.Equal(report.Departments.Single(d => d.Code == code).Counts, overview.ThisWeek);
        Assert.True(expected.Total > 100 && expected.Bad > 5 && expected.Cases > 5 && expected.Replied > 0 && expected.Invalid > 0);
        foreach (var indicator in Indicators.All)
            Assert.Equal(indicator.Compute(expected), indicator.Compute(overview.ThisWeek));
        Assert.Equal(Week, overview.Week);
    }

    [Theory]
    [InlineData("D01")]
    [InlineData("D02")]
    public async Task ReadAsync_Department_EveryWindowAndStaffMemberMatchesRawRows(string code)
    {
        var overview = await OverviewAsync(code);

        var first = code == "D01" ? 1 : 6;
        Assert.Equal(Enumerable.Range(first, 5).Select(w => $"W{w:000}"), overview.Windows.Select(w => w.Code));
        Assert.Equal(Enumerable.Range(first * 3 - 2, 15).Select(s => $"S{s:000}"), overview.Staff.Select(s => s.Code));
        foreach (var window in overview.Windows)
        {
            Assert.Equal(fixture.Expected.Ratings(fixture.Expected.Rated(Week).Where(e => e.Window == window.Code)), window.Ratings);
            Assert.Equal(fixture.ExpectedLoad(code, e => e.Window == window.Code), window.Cases);
        }
        foreach (var staff in overview.Staff)
        {
            Assert.Equal(fixture.Expected.Ratings(fixture.Expected.Rated(Week).Where(e => e.Staff == staff.Code)), staff.Ratings);
            Assert.Equal(fixture.ExpectedLoad(code, e => e.Staff == staff.Code), staff.Cases);
        }
        Assert.Equal(overview.Cases, overview.Windows.Aggregate(CaseLoad.None, (sum, w) => sum + w.Cases));
        Assert.Matches(@"^[AB]01 .+1号窗口$", overview.Windows[0].Name);
        Assert.Equal(overview.Windows[0].Name, overview.Staff[0].Window);
    }

    [Fact]
    public async Task ReadAsync_EveryDepartment_BottomWindowsAndStaffOfTheReportHaveTheSameCounts()
    {
        var report = await fixture.ReportAsync();
        var overviews = new List<DepartmentOverview>();
        for (var d = 1; d <= 8; d++)
            overviews.Add(await OverviewAsync($"D{d:00}"));

        var windows = overviews.SelectMany(o => o.Windows).ToDictionary(w => w.Code);
        var staff = overviews.SelectMany(o => o.Staff).ToDictionary(s => s.Code);
        Assert.Equal(10, report.BottomWindows.Count);
        Assert.All(report.BottomWindows, u => Assert.Equal(u.Counts, windows[u.Code].Ratings));
        Assert.All(report.BottomStaff, u => Assert.Equal(u.Counts, staff[u.Code].Ratings));
        Assert.Equal(report.Departments.Select(d => (d.Code, d.Counts)).OrderBy(d => d.Code), overviews.Select(o => (o.Code, o.ThisWeek)));
    }

    [Theory]
    [InlineData("D01", "人力资源和社会保障局")]
    [InlineData("D02", "医疗保障局")]
    public async Task ReadAsync_Department_ThemesMatchRawRowsAndTheReportsTopThemes(string code, string name)
    {
        var overview = await OverviewAsync(code);
        var report = await fixture.ReportAsync();

        var expected = fixture.Expected.Rated(Week).Where(e => e.Department == code && fixture.Expected.IsBad(e)).GroupBy(ExpectedFigures.Theme)
            .Select(g => new ThemeTally(g.Key, g.Count())).OrderByDescending(t => t.Count).ThenBy(t => t.Theme, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, overview.Themes);
        Assert.True(expected.Count >= 4);
        Assert.Equal(report.TopThemesByDepartment.Where(t => t.Department == name).Select(t => (t.Theme, t.Count)),
            overview.Themes.Take(WeeklyFigures.TopThemesPerDepartment).Select(t => (t.Theme, t.Count)));
        Assert.Equal(overview.ThisWeek.Bad, overview.Themes.Sum(t => t.Count));
        Assert.Equal("排队等候", overview.Themes.Single(t => t.Theme == "queue").Label);
    }

    [Fact]
    public async Task ReadAsync_UnknownDepartment_ReturnsNull()
    {
        Assert.Null(await fixture.OverviewAsync("D99"));
    }

    private async Task<DepartmentOverview> OverviewAsync(string code) =>
        await fixture.OverviewAsync(code) ?? throw new InvalidOperationException($"No department {code}.");
}
