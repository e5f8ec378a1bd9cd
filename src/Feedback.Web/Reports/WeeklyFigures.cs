using Microsoft.Extensions.Options;

namespace Feedback.Web.Reports;

/// <summary>Reads a week's figures: the statements run concurrently, the small results are put together here.</summary>
internal sealed class WeeklyFigures(WeeklyQueries queries, CommentMasker masker, IOptions<ReportOptions> options)
{
    public const int TrendWeeks = 12;
    public const int BottomCount = 10;
    public const int OverdueListLimit = 30;
    public const int TopThemesPerDepartment = 3;
    public const int SampleComments = 6;

    // GROUPING(day, channel, department_code, window_code, staff_code, theme): a bit is set for each key not grouped by.
    private const int ByDayAndChannel = 0b001111, ByDepartment = 0b110111, ByWindow = 0b111011, ByStaff = 0b111101, ByDepartmentTheme = 0b110110;

    public async Task<WeeklyReport> ReadAsync(ReportWeek week, DateTimeOffset generatedAt, CancellationToken ct)
    {
        var trendStart = week.Start.AddDays(-7 * (TrendWeeks - 1));
        var ratingWeeks = queries.RatingWeeksAsync(trendStart, week.End, ct);
        var breakdown = queries.BreakdownAsync(week, ct);
        var lastWeekThemes = queries.BadThemesAsync(week.Previous, ct);
        var caseWeeks = queries.CaseWeeksAsync(week.Previous.Start, week.End, ct);
        var comments = queries.CommentsAsync(week, ct);
        var overdue = queries.OverdueAsync(week, OverdueListLimit, ct);
        var names = await queries.NamesAsync(ct);
        await Task.WhenAll(ratingWeeks, breakdown, lastWeekThemes, caseWeeks, comments, overdue);

        var ratings = ratingWeeks.Result.ToDictionary(w => w.Week, w => w.Counts);
        var cases = caseWeeks.Result;
        WeekCounts Week(int index, int caseIndex) => Merge(ratings.GetValueOrDefault(index), cases.FirstOrDefault(c => c.Week == caseIndex && c.Department is null).Counts);
        var rows = breakdown.Result;
        var departments = Units(rows, ByDepartment, r => r.Department, names.Departments)
            .Select(d => d with { Counts = Merge(d.Counts, cases.FirstOrDefault(c => c.Week == 1 && c.Department == d.Code).Counts) })
            .OrderByDescending(d => Indicators.GoodRate.Compute(d.Counts)).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new WeeklyReport(
            week, generatedAt, Week(TrendWeeks - 1, 1), Week(TrendWeeks - 2, 0),
            [.. Enumerable.Range(0, TrendWeeks).Select(i => new TrendPoint(ReportWeek.Containing(trendStart.AddDays(7 * i)), ratings.GetValueOrDefault(i) ?? WeekCounts.Empty))],
            [.. rows.Where(r => r.Set == ByDayAndChannel).OrderBy(r => r.Day).ThenBy(r => r.Channel, StringComparer.Ordinal).Select(r => new ChannelDay(r.Day, r.Channel!, r.Counts.Total))],
            departments,
            Bottom(Units(rows, ByWindow, r => r.Window, names.Windows)),
            Bottom(Units(rows, ByStaff, r => r.Staff, names.Staff)),
            Themes(rows, lastWeekThemes.Result),
            TopThemes(rows, names),
            overdue.Result,
            Comments(comments.Result, names));
    }

    private static WeekCounts Merge(WeekCounts? ratings, WeekCounts? cases) => (ratings ?? WeekCounts.Empty) with
    {
        Cases = cases?.Cases ?? 0, Invalid = cases?.Invalid ?? 0, Replied = cases?.Replied ?? 0, RepliedOnTime = cases?.RepliedOnTime ?? 0,
        Overdue = cases?.Overdue ?? 0, Closed = cases?.Closed ?? 0, Satisfied = cases?.Satisfied ?? 0,
    };

    // Ratings without a window or staff code form no unit.
    private static List<UnitFigures> Units(List<BreakdownRow> rows, int set, Func<BreakdownRow, string?> key, IReadOnlyList<(string Code, string Name, string Parent)> names)
    {
        var byCode = names.ToDictionary(n => n.Code);
        return [.. rows.Where(r => r.Set == set && key(r) is not null).Select(r =>
            byCode.TryGetValue(key(r)!, out var n) ? new UnitFigures(n.Code, n.Name, n.Parent, r.Counts) : new UnitFigures(key(r)!, key(r)!, "", r.Counts))];
    }

    private List<UnitFigures> Bottom(List<UnitFigures> units) => [.. units
        .Where(u => u.Counts.Total >= options.Value.RankingMinimumRatings)
        .OrderBy(u => Indicators.GoodRate.Compute(u.Counts)).ThenByDescending(u => u.Counts.Bad).ThenBy(u => u.Code, StringComparer.Ordinal)
        .Take(BottomCount)];

    private static List<ThemeCount> Themes(List<BreakdownRow> rows, List<(string Theme, long Count)> lastWeek)
    {
        var thisWeek = rows.Where(r => r.Set == ByDepartmentTheme).GroupBy(r => r.Theme!).ToDictionary(g => g.Key, g => g.Sum(r => r.Counts.Bad));
        var last = lastWeek.ToDictionary(t => t.Theme, t => t.Count);
        return [.. thisWeek.Keys.Union(last.Keys).Select(t => new ThemeCount(t, thisWeek.GetValueOrDefault(t), last.GetValueOrDefault(t)))
            .Where(t => t.ThisWeek + t.LastWeek > 0)
            .OrderByDescending(t => t.ThisWeek).ThenByDescending(t => t.LastWeek).ThenBy(t => t.Theme, StringComparer.Ordinal)];
    }

    private static List<DepartmentTheme> TopThemes(List<BreakdownRow> rows, OrgNames names)
    {
        var departmentNames = names.Departments.ToDictionary(d => d.Code, d => d.Name);
        return [.. rows.Where(r => r.Set == ByDepartmentTheme && r.Counts.Bad > 0)
            .GroupBy(r => r.Department!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(r => r.Counts.Bad).ThenBy(r => r.Theme, StringComparer.Ordinal).Take(TopThemesPerDepartment)
                .Select(r => new DepartmentTheme(departmentNames.GetValueOrDefault(g.Key, g.Key), r.Theme!, r.Counts.Bad)))];
    }

    private List<SampleComment> Comments(List<CommentRow> comments, OrgNames names)
    {
        var departmentNames = names.Departments.ToDictionary(d => d.Code, d => d.Name);
        var staffNames = names.Staff.Select(s => s.Name).ToList();
        return [.. comments.OrderBy(c => c.Theme == Classification.Themes.Other).ThenBy(c => c.Theme, StringComparer.Ordinal).Take(SampleComments)
            .Select(c => new SampleComment(c.Theme, c.Rating, departmentNames.GetValueOrDefault(c.Department, c.Department),
                masker.Mask(c.Comment, c.RaterName is null ? staffNames : [c.RaterName, .. staffNames])))];
    }
}
