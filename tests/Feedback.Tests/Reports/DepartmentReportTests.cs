using System.Net;
using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;
using Feedback.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Feedback.Tests.Reports;

/// <summary>
/// A department's own report: every figure recomputed from the department's raw rows, its place among the
/// departments, its files beside the centre's, and who may read them.
/// </summary>
public sealed class DepartmentReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private const string Department = "D01";
    private static readonly ReportWeek Week = ReportFixture.Week;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_Department_KpisTrendAndThemesMatchTheDepartmentsRawRows()
    {
        var report = await ReadDepartmentAsync();

        Assert.Equal(new DepartmentScope(Department, "人力资源和社会保障局"), report.Scope);
        Assert.Equal(fixture.Expected.Week(Week, Department), report.Current);
        Assert.Equal(fixture.Expected.Week(Week.Previous, Department), report.Previous);
        Assert.Equal("—", Indicators.DepartmentCoverage.Format(Indicators.DepartmentCoverage.Compute(report.Current)));
        foreach (var point in report.Trend)
        {
            var expected = fixture.Expected.Ratings(fixture.Expected.Rated(point.Week).Where(e => e.Department == Department));
            Assert.Equal((expected.Total, expected.Good), (point.Counts.Total, point.Counts.Good));
        }
        var (now, before) = (BadThemes(Week), BadThemes(Week.Previous));
        Assert.Equal(now.Keys.Union(before.Keys).Order(), report.Themes.Select(t => t.Theme).Order());
        Assert.All(report.Themes, t => Assert.Equal((now.GetValueOrDefault(t.Theme), before.GetValueOrDefault(t.Theme)), (t.ThisWeek, t.LastWeek)));
        Assert.All(report.TopThemesByDepartment, t => Assert.Equal("人力资源和社会保障局", t.Department));
        var daily = fixture.Expected.Rated(Week).Where(e => e.Department == Department).Sum(e => 1L);
        Assert.Equal(daily, report.DailyByChannel.Sum(d => d.Count));
    }

    [Fact]
    public async Task ReadAsync_Department_BottomUnitsOverdueAndCommentsAreTheDepartmentsOnly()
    {
        var report = await ReadDepartmentAsync();

        Assert.Equal(fixture.Expected.Bottom(Week, e => e.Department == Department ? e.Window : null, 10), report.BottomWindows.Select(u => (u.Code, u.Counts)));
        Assert.Equal(fixture.Expected.Bottom(Week, e => e.Department == Department ? e.Staff : null, 10), report.BottomStaff.Select(u => (u.Code, u.Counts)));
        var overdue = fixture.Expected.Overdue(Week).Where(c => c.Department == Department).ToList();
        Assert.Equal(overdue.Take(WeeklyFigures.OverdueListLimit).Select(c => c.Id), report.Overdue.Select(c => c.CaseId));
        Assert.Equal(overdue.Count, report.Current.Overdue);
        Assert.All(report.Overdue, c => Assert.Equal("A主任、B主任", c.Owners));
        Assert.All(report.Comments, c => Assert.Equal("人力资源和社会保障局", c.Department));
        Assert.All(report.Suspected, c => Assert.Equal("人力资源和社会保障局", c.Department));
        Assert.Empty(report.DepartmentsWithoutHead);
    }

    [Fact]
    public async Task ReadAsync_DepartmentAlone_RanksItAmongTheCentresDepartments()
    {
        var centre = await fixture.ReadAsync(Week);

        var alone = await fixture.WithScopeAsync(sp => sp.GetRequiredService<WeeklyFigures>().ReadAsync(Week, DateTimeOffset.UtcNow, Ct, "D05"));

        Assert.Equal(centre.Departments, alone.Departments);
        var withCentre = await fixture.WithScopeAsync(sp => sp.GetRequiredService<WeeklyFigures>().ReadAsync(Week, DateTimeOffset.UtcNow, Ct, "D05", centre));
        Assert.Equal(alone.Trend, withCentre.Trend);
        Assert.Equal(12, alone.Trend.Count);
        Assert.Equal(fixture.Expected.Week(Week, "D05"), alone.Current);
        Assert.Equal([alone.Scope!.Name], alone.DepartmentsWithoutHead);
    }

    [Fact]
    public async Task ReadAsync_EveryDepartmentCutFromTheCentresRows_EqualsItsReportReadAlone()
    {
        var at = DateTimeOffset.UtcNow;
        var centre = await fixture.WithScopeAsync(sp => sp.GetRequiredService<WeeklyFigures>().ReadAsync(Week, at, Ct));
        var cuts = new List<WeeklyReport>();

        for (var d = 1; d <= 8; d++)
        {
            var code = $"D{d:00}";
            var cut = await fixture.WithScopeAsync(sp => sp.GetRequiredService<WeeklyFigures>().ReadAsync(Week, at, Ct, code, centre));
            var alone = await fixture.WithScopeAsync(sp => sp.GetRequiredService<WeeklyFigures>().ReadAsync(Week, at, Ct, code));

            Assert.Equal(alone.Scope, cut.Scope);
            Assert.Equal((alone.Current, alone.Previous), (cut.Current, cut.Previous));
            Assert.Equal(alone.Trend, cut.Trend);
            Assert.Equal(alone.DailyByChannel, cut.DailyByChannel);
            Assert.Equal(alone.Departments, cut.Departments);
            Assert.Equal(alone.BottomWindows, cut.BottomWindows);
            Assert.Equal(alone.BottomStaff, cut.BottomStaff);
            Assert.Equal(alone.Themes, cut.Themes);
            Assert.Equal(alone.TopThemesByDepartment, cut.TopThemesByDepartment);
            Assert.Equal(alone.Overdue, cut.Overdue);
            Assert.Equal(alone.Comments, cut.Comments);
            Assert.Equal(alone.Suspected, cut.Suspected);
            Assert.Equal(alone.Analysis, cut.Analysis);
            Assert.Equal(alone.DepartmentsWithoutHead, cut.DepartmentsWithoutHead);
            cuts.Add(cut);
        }
        // The comparison is worth something only if the lists hold rows.
        Assert.Contains(cuts, c => c.BottomStaff.Count > 0 && c.Comments.Count > 0 && c.Overdue.Count > 0 && c.Themes.Count > 0);
    }

    [Fact]
    public async Task Render_Week_WritesEveryDepartmentsReportWithItsTitleAndPlace()
    {
        var rendered = await fixture.RenderAsync(Week);

        var centre = rendered.Report.Departments;
        for (var d = 1; d <= 8; d++)
        {
            var code = $"D{d:00}";
            var folder = ReportRenderer.DepartmentDirectory(fixture.App.ReportsDirectory, Week, code);
            Assert.Equal(ReportFiles.All.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        var text = PdfText(Path.Combine(ReportRenderer.DepartmentDirectory(fixture.App.ReportsDirectory, Week, Department), ReportFiles.Pdf));
        Assert.Contains("人力资源和社会保障局好差评周报", text);
        var rank = centre.Select((u, i) => (u.Code, i)).Single(u => u.Code == Department).i + 1;
        Assert.Contains($"人力资源和社会保障局本周好评率在全中心8个部门中排第{rank}名。", text);
        var expected = fixture.Expected.Week(Week, Department);
        Assert.Contains(Squeeze(Indicators.Total.Name + Indicators.Total.Format(expected.Total)), text);
        Assert.DoesNotContain(rendered.Files, f => f.Name == ReportRenderer.DepartmentsFolder);
    }

    [Fact]
    public async Task Download_DepartmentReport_ItsHeadAndLeadersReadItAnotherDepartmentsHeadIsForbidden()
    {
        await fixture.RenderAsync(Week);
        await Browser.CreateUserAsync(fixture.App, "leader.dept", Roles.Leader, null, "领导");
        var pdf = $"/reports/{Week}/departments/{Department}/{ReportFiles.Pdf}";

        using var own = await Browser.SignedInAsync(fixture.App, "head.d01.a");
        using var other = await Browser.SignedInAsync(fixture.App, "head.d02");
        using var leader = await Browser.SignedInAsync(fixture.App, "leader.dept");

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(pdf, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(pdf, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(pdf, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/reports/{Week}/departments/D02/{ReportFiles.Summary}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/reports/{Week}/departments/..%2F..%2Fetc/{ReportFiles.Pdf}", Ct)).StatusCode);
        var list = await other.GetStringAsync("/reports/department?code=D01", Ct);
        Assert.Contains($"/reports/{Week}/departments/D02/{ReportFiles.Pdf}", list);
        Assert.DoesNotContain("/departments/D01/", list);
        Assert.Contains("只能查看本部门的周报", list);
        Assert.Contains($"/reports/{Week}/departments/D01/{ReportFiles.Pdf}", await leader.GetStringAsync("/reports/department?code=D01", Ct));
    }

    private Task<WeeklyReport> ReadDepartmentAsync() => fixture.WithScopeAsync(async sp =>
    {
        var figures = sp.GetRequiredService<WeeklyFigures>();
        var centre = await figures.ReadAsync(Week, DateTimeOffset.UtcNow, Ct);
        return await figures.ReadAsync(Week, DateTimeOffset.UtcNow, Ct, Department, centre);
    });

    private Dictionary<string, long> BadThemes(ReportWeek week) => fixture.Expected.Rated(week).Where(e => e.Department == Department && fixture.Expected.IsBad(e))
        .GroupBy(ExpectedFigures.Theme).ToDictionary(g => g.Key, g => (long)g.Count());

    private static string PdfText(string path)
    {
        using var document = PdfDocument.Open(path);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
