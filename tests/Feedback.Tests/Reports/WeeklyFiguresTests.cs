using Feedback.Web.Reports;

namespace Feedback.Tests.Reports;

/// <summary>Every figure of a report against the same figure recomputed from the raw rows (see <see cref="ExpectedFigures"/>).</summary>
public sealed class WeeklyFiguresTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly ReportWeek Week = ReportFixture.Week;

    [Fact]
    public async Task ReadAsync_GeneratedWeek_KpisOfBothWeeksMatchRawRows()
    {
        var report = await fixture.ReadAsync(Week);

        Assert.Equal(fixture.Expected.Week(Week), report.Current);
        Assert.Equal(fixture.Expected.Week(Week.Previous), report.Previous);
        Assert.True(report.Current.Total > 2500 && report.Current.Cases > 100 && report.Current.Invalid > 0 && report.Current.Overdue > 0);
        Assert.True(report.Current.Appeals > report.Current.Invalid);
        foreach (var indicator in Indicators.All)
            Assert.Equal(indicator.Compute(fixture.Expected.Week(Week)), indicator.Compute(report.Current));
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_TrendAndDailyVolumeMatchRawRows()
    {
        var report = await fixture.ReadAsync(Week);

        Assert.Equal(12, report.Trend.Count);
        Assert.Equal(Week, report.Trend[^1].Week);
        foreach (var point in report.Trend)
        {
            var expected = fixture.Expected.Ratings(fixture.Expected.Rated(point.Week));
            Assert.Equal((expected.Total, expected.Good), (point.Counts.Total, point.Counts.Good));
        }
        Assert.Equal(Week.Previous.Previous, report.Trend[^3].Week);
        Assert.True(report.Trend[^3].Counts.Total > 2500);
        var daily = fixture.Expected.Rated(Week).GroupBy(e => ((int)(e.EvaluatedAt - Week.Start).TotalDays, e.Channel))
            .Select(g => new ChannelDay(g.Key.Item1, g.Key.Channel, g.Count())).OrderBy(d => d.Day).ThenBy(d => d.Channel, StringComparer.Ordinal);
        Assert.Equal(daily, report.DailyByChannel);
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_DepartmentRankingMatchesRawRows()
    {
        var report = await fixture.ReadAsync(Week);

        var expected = Enumerable.Range(1, 8).Select(d => (Code: $"D{d:00}", Counts: fixture.Expected.Week(Week, $"D{d:00}")))
            .OrderByDescending(d => Indicators.GoodRate.Compute(d.Counts)).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(d => d.Code), report.Departments.Select(d => d.Code));
        Assert.Equal(expected.Select(d => d.Counts), report.Departments.Select(d => d.Counts));
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_BottomWindowsAndStaffMatchRawRows()
    {
        var report = await fixture.ReadAsync(Week);

        Assert.Equal(fixture.Expected.Bottom(Week, e => e.Window, 10), report.BottomWindows.Select(u => (u.Code, u.Counts)));
        Assert.Equal(fixture.Expected.Bottom(Week, e => e.Staff, 10), report.BottomStaff.Select(u => (u.Code, u.Counts)));
        Assert.Equal(10, report.BottomStaff.Count);
        Assert.All(report.BottomWindows, w => Assert.Matches(@"^[A-H]\d\d ", w.Name));
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_BottomUnitsAlsoInLastWeeksBottomTenAreMarked()
    {
        var report = await fixture.ReadAsync(Week);

        var windows = fixture.Expected.RepeatedBottom(Week, e => e.Window, 10);
        var staff = fixture.Expected.RepeatedBottom(Week, e => e.Staff, 10);
        Assert.Equal(windows, report.BottomWindows.Select(u => (u.Code, u.AlsoLastWeek)));
        Assert.Equal(staff, report.BottomStaff.Select(u => (u.Code, u.AlsoLastWeek)));
        Assert.Contains(windows.Concat(staff), u => u.AlsoLastWeek);
        Assert.Contains(windows.Concat(staff), u => !u.AlsoLastWeek);
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_ThemesThisAndLastWeekMatchRawRows()
    {
        var report = await fixture.ReadAsync(Week);

        var (now, before) = (fixture.Expected.BadThemes(Week), fixture.Expected.BadThemes(Week.Previous));
        Assert.Equal(now.Keys.Union(before.Keys).Order(), report.Themes.Select(t => t.Theme).Order());
        Assert.All(report.Themes, t => Assert.Equal((now.GetValueOrDefault(t.Theme), before.GetValueOrDefault(t.Theme)), (t.ThisWeek, t.LastWeek)));
        var d01 = fixture.Expected.Rated(Week).Where(e => e.Department == "D01" && fixture.Expected.IsBad(e)).GroupBy(ExpectedFigures.Theme)
            .Select(g => (Theme: g.Key, Count: (long)g.Count())).OrderByDescending(t => t.Count).ThenBy(t => t.Theme, StringComparer.Ordinal).Take(3);
        Assert.Equal(d01, report.TopThemesByDepartment.Where(t => t.Department == "人力资源和社会保障局").Select(t => (t.Theme, t.Count)));
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_OverdueListHasEveryEscalatedCaseWithOwners()
    {
        var report = await fixture.ReadAsync(Week);

        var expected = fixture.Expected.Overdue(Week);
        Assert.Equal(expected.Take(WeeklyFigures.OverdueListLimit).Select(c => c.Id), report.Overdue.Select(c => c.CaseId));
        Assert.Equal(expected.Count, report.Current.Overdue);
        Assert.All(report.Overdue.Where(c => c.Department == "人力资源和社会保障局"), c => Assert.Equal("A主任、B主任", c.Owners));
        Assert.All(report.Overdue.Where(c => c.Department == "民政局"), c => Assert.Equal("", c.Owners));
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_CommentsAreTheLongestPerThemeAndMasked()
    {
        var report = await fixture.ReadAsync(Week);

        var longest = fixture.Expected.LongestComments(Week);
        Assert.Equal(Math.Min(WeeklyFigures.SampleComments, longest.Count), report.Comments.Count);
        Assert.All(report.Comments, c => Assert.Equal(longest[c.Theme].Rating, c.Rating));
        var counts = fixture.Expected.BadThemes(Week);
        var order = longest.Keys.OrderBy(t => t == "other").ThenByDescending(t => counts.GetValueOrDefault(t)).ThenBy(t => t, StringComparer.Ordinal);
        Assert.Equal(order.Take(WeeklyFigures.SampleComments), report.Comments.Select(c => c.Theme));
        var attitude = Assert.Single(report.Comments, c => c.Theme == "attitude");
        Assert.StartsWith("窗口测****态度差，我的电话138****5678，身份证110101********7777，", attitude.Text);
        Assert.EndsWith("…", attitude.Text);
    }

    [Fact]
    public async Task ReadAsync_GeneratedWeek_SuspectedSamplesAreTheWeeksFlaggedGoodRatings()
    {
        var report = await fixture.ReadAsync(Week);

        // The generated rows carry no polarity confidence, so the newest come first; each text once.
        var expected = fixture.Expected.Rated(Week).Where(e => e.Signal == "suspected_bad" && e.Comment is not null)
            .GroupBy(e => e.Comment).Select(g => g.MaxBy(e => e.Id)!).OrderByDescending(e => e.Id).Take(WeeklyFigures.SuspectedSamples).ToList();
        Assert.Equal(WeeklyFigures.SuspectedSamples, report.Suspected.Count);
        Assert.Equal(expected.Select(e => (int)e.Rating), report.Suspected.Select(c => c.Rating));
        Assert.Equal(expected.Select(e => e.Comment), report.Suspected.Select(c => c.Text));
        Assert.Equal(report.Suspected.Count, report.Suspected.Select(c => c.Text).Distinct().Count());
        Assert.All(report.Suspected, c => Assert.True(c.Rating >= 3 && c.Confidence is null));
    }
}
