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
    public const int SuspectedSamples = 6;
    private const int SplitDay = 4;

    /// <param name="department">A department's report: its ratings, windows, staff, themes and cases only.</param>
    /// <param name="centre">
    /// For a department's report, the centre's report of the week just read: the department's figures are cut from the
    /// rows read for it (one pass over the week for every department) and its ranking is used (read when not given).
    /// </param>
    public async Task<WeeklyReport> ReadAsync(ReportWeek week, DateTimeOffset generatedAt, CancellationToken ct, string? department = null,
        WeeklyReport? centre = null)
    {
        if (department is not null && centre?.Source is { } source)
            return Build(week, generatedAt, department, source.For(department), centre.Departments);
        var read = await QueryAsync(week, department, ct);
        var ranking = department is null ? null : centre?.Departments ?? await CentreRankingAsync(week, ct);
        var report = Build(week, generatedAt, department, read.For(department), ranking);
        return department is null ? report with { Source = read } : report;
    }

    /// <summary>Every statement of a report, side by side on their own connections.</summary>
    private async Task<ReportSource> QueryAsync(ReportWeek week, string? department, CancellationToken ct)
    {
        var trendStart = week.Start.AddDays(-7 * (TrendWeeks - 1));
        var trend = department is null ? queries.TrendByDepartmentAsync(trendStart, week.Start, ct)
            : queries.TrendAsync(trendStart, week.Start, ct, department).ContinueWith(t => t.Result.Select(w => (w.Week, Department: (string?)department, w.Counts)).ToList(), ct,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        var lastWeek = queries.UnitsAsync(week.Previous, ct, department);
        // The week's big aggregation in two halves on two connections: PostgreSQL hashes grouping sets on one core.
        var breakdown = Task.WhenAll(queries.BreakdownAsync(week.Start, week.Start.AddDays(SplitDay), 0, department, ct),
            queries.BreakdownAsync(week.Start.AddDays(SplitDay), week.End, SplitDay, department, ct));
        var lastWeekThemes = queries.BadThemesAsync(week.Previous, ct, department);
        var caseWeeks = queries.CaseWeeksAsync(week.Previous.Start, week.End, department, ct);
        var comments = queries.CommentsAsync(week, ct, department);
        var suspected = queries.SuspectedAsync(week, SuspectedSamples, ct, department);
        var overdue = queries.OverdueAsync(week, OverdueListLimit, ct, department);
        var names = await queries.NamesAsync(ct);
        await Task.WhenAll(trend, lastWeek, breakdown, lastWeekThemes, caseWeeks, comments, overdue, suspected);
        return new ReportSource(Combine(breakdown.Result), lastWeek.Result, lastWeekThemes.Result, caseWeeks.Result, comments.Result, suspected.Result,
            overdue.Result, trend.Result, names);
    }

    /// <summary>The report of one scope from its rows; <paramref name="ranking"/> is the centre's, for a department's report.</summary>
    private WeeklyReport Build(ReportWeek week, DateTimeOffset generatedAt, string? department, ReportSource read, IReadOnlyList<UnitFigures>? ranking)
    {
        var (rows, names, cases) = (read.Rows, read.Names, read.Cases);
        var current = Whole(rows, names);
        var previous = Whole(read.LastWeek, names);
        // Coverage is a centre figure: a department's report leaves it out ("—").
        if (department is not null)
            (current, previous) = (current with { DepartmentsRated = 0, Departments = 0 }, previous with { DepartmentsRated = 0, Departments = 0 });
        var scope = department is null ? null : new DepartmentScope(department, names.Departments.FirstOrDefault(d => d.Code == department).Name ?? department);
        var themes = Themes(rows, [.. read.LastWeekThemes.Select(t => (t.Theme, t.Count))]);
        var report = new WeeklyReport(
            week, generatedAt, Merge(current, CaseCounts(cases, 1, null)), Merge(previous, CaseCounts(cases, 0, null)),
            Trend(week.Start.AddDays(-7 * (TrendWeeks - 1)), [.. read.Trend.Select(t => (t.Week, t.Counts))], current),
            [.. rows.Where(r => r.Set == BreakdownSets.ByDayAndChannel).OrderBy(r => r.Day).ThenBy(r => r.Channel, StringComparer.Ordinal).Select(r => new ChannelDay(r.Day, r.Channel!, r.Counts.Total))],
            ranking ?? Departments(rows, cases, names),
            Bottom(rows, read.LastWeek, BreakdownSets.ByWindow, r => r.Window, names.Windows),
            Bottom(rows, read.LastWeek, BreakdownSets.ByStaff, r => r.Staff, names.Staff),
            themes,
            TopThemes(rows, names),
            [.. read.Overdue.Select(o => o.Case)],
            Comments([.. read.Comments.Select(c => c.Row)], themes, names),
            Suspected([.. read.Suspected.Select(c => c.Row)], names))
        {
            Heads = names.Heads.ToDictionary(h => h.Code, h => h.Name),
            DepartmentsWithoutHead = [.. names.Departments.Where(d => (department is null || d.Code == department) && names.Heads.All(h => h.Code != d.Code))
                .OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => d.Name)],
            Scope = scope,
        };
        return report with { Analysis = ReportAnalysis.Sentences(report, options.Value) };
    }

    /// <summary>The centre's department ranking of a week, for a department's report read alone.</summary>
    private async Task<IReadOnlyList<UnitFigures>> CentreRankingAsync(ReportWeek week, CancellationToken ct)
    {
        var units = queries.UnitsAsync(week, ct);
        var cases = queries.CaseWeeksAsync(week.Start, week.End, null, ct);
        var names = await queries.NamesAsync(ct);
        // Week 0 of this reading is the report's week: shift it to the index CaseCounts reads as "this week".
        return Departments(await units, [.. (await cases).Select(c => (c.Week + 1, c.Department, c.Counts))], names);
    }

    /// <summary>The whole centre's rating counts, with how many departments were rated.</summary>
    private static WeekCounts Whole(List<BreakdownRow> rows, OrgNames names) =>
        (rows.SingleOrDefault(r => r.Set == BreakdownSets.Whole)?.Counts ?? WeekCounts.Empty) with
        {
            DepartmentsRated = rows.Count(r => r.Set == BreakdownSets.ByDepartment && r.Counts.Total > 0),
            Departments = names.Departments.Count,
        };

    /// <summary>Twelve weeks ending with this one; earlier weeks carry only the counts the trend needs.</summary>
    private static List<TrendPoint> Trend(DateTimeOffset start, List<(int Week, WeekCounts Counts)> earlier, WeekCounts current)
    {
        var weeks = earlier.ToDictionary(w => w.Week, w => w.Counts);
        return [.. Enumerable.Range(0, TrendWeeks).Select(i => new TrendPoint(ReportWeek.Containing(start.AddDays(7 * i)),
            i == TrendWeeks - 1 ? current : weeks.GetValueOrDefault(i) ?? WeekCounts.Empty))];
    }

    private static List<UnitFigures> Departments(List<BreakdownRow> rows, List<(int Week, string? Department, WeekCounts Counts)> cases, OrgNames names) =>
    [
        .. Units(rows, BreakdownSets.ByDepartment, r => r.Department, names.Departments)
            .Select(d => d with { Counts = Merge(d.Counts, CaseCounts(cases, 1, d.Code)) })
            .OrderByDescending(d => Indicators.GoodRate.Compute(d.Counts)).ThenBy(d => d.Code, StringComparer.Ordinal),
    ];

    /// <summary>Case counts of week 0 (last) or 1 (this), in total (null) or for one department.</summary>
    private static WeekCounts CaseCounts(List<(int Week, string? Department, WeekCounts Counts)> cases, int week, string? department) =>
        cases.FirstOrDefault(c => c.Week == week && c.Department == department).Counts ?? WeekCounts.Empty;

    /// <summary>Rating counts with the case counts of the same scope.</summary>
    internal static WeekCounts Merge(WeekCounts ratings, WeekCounts cases) => ratings with
    {
        Cases = cases.Cases, Invalid = cases.Invalid, Appeals = cases.Appeals, Replied = cases.Replied, RepliedOnTime = cases.RepliedOnTime,
        Overdue = cases.Overdue, Closed = cases.Closed, Satisfied = cases.Satisfied,
    };

    /// <summary>The halves' rows added up key by key.</summary>
    private static List<BreakdownRow> Combine(List<BreakdownRow>[] halves) => [.. halves.SelectMany(h => h)
        .GroupBy(r => (r.Set, r.Day, r.Channel, r.Department, r.Window, r.Staff, r.Theme))
        .Select(g => g.First() with
        {
            Counts = new WeekCounts
            {
                Total = g.Sum(r => r.Counts.Total), Default = g.Sum(r => r.Counts.Default), Good = g.Sum(r => r.Counts.Good),
                Bad = g.Sum(r => r.Counts.Bad), SuspectedBad = g.Sum(r => r.Counts.SuspectedBad),
            },
        })];

    // Ratings without a window or staff code form no unit.
    private static List<UnitFigures> Units(List<BreakdownRow> rows, int set, Func<BreakdownRow, string?> key, IReadOnlyList<(string Code, string Name, string Parent)> names)
    {
        var byCode = names.ToDictionary(n => n.Code);
        return [.. rows.Where(r => r.Set == set && key(r) is not null).Select(r =>
            byCode.TryGetValue(key(r)!, out var n) ? new UnitFigures(n.Code, n.Name, n.Parent, r.Counts) : new UnitFigures(key(r)!, key(r)!, "", r.Counts))];
    }

    /// <summary>This week's bottom ten, each marked if it was in last week's bottom ten too.</summary>
    private List<UnitFigures> Bottom(List<BreakdownRow> rows, List<BreakdownRow> lastWeek, int set, Func<BreakdownRow, string?> key,
        IReadOnlyList<(string Code, string Name, string Parent)> names)
    {
        var before = Bottom(Units(lastWeek, set, key, names)).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return [.. Bottom(Units(rows, set, key, names)).Select(u => u with { AlsoLastWeek = before.Contains(u.Code) })];
    }

    private List<UnitFigures> Bottom(List<UnitFigures> units) => [.. units
        .Where(u => u.Counts.Total >= options.Value.RankingMinimumRatings)
        .OrderBy(u => Indicators.GoodRate.Compute(u.Counts)).ThenByDescending(u => u.Counts.Bad).ThenBy(u => u.Code, StringComparer.Ordinal)
        .Take(BottomCount)];

    private static List<ThemeCount> Themes(List<BreakdownRow> rows, List<(string Theme, long Count)> lastWeek)
    {
        var thisWeek = rows.Where(r => r.Set == BreakdownSets.ByDepartmentTheme && r.Theme is not null).GroupBy(r => r.Theme!).ToDictionary(g => g.Key, g => g.Sum(r => r.Counts.Bad));
        var last = lastWeek.ToDictionary(t => t.Theme, t => t.Count);
        return [.. thisWeek.Keys.Union(last.Keys).Select(t => new ThemeCount(t, thisWeek.GetValueOrDefault(t), last.GetValueOrDefault(t)))
            .Where(t => t.ThisWeek + t.LastWeek > 0)
            .OrderByDescending(t => t.ThisWeek).ThenByDescending(t => t.LastWeek).ThenBy(t => t.Theme, StringComparer.Ordinal)];
    }

    private static List<DepartmentTheme> TopThemes(List<BreakdownRow> rows, OrgNames names)
    {
        var departmentNames = names.Departments.ToDictionary(d => d.Code, d => d.Name);
        return [.. rows.Where(r => r.Set == BreakdownSets.ByDepartmentTheme && r.Theme is not null && r.Counts.Bad > 0)
            .GroupBy(r => r.Department!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(r => r.Counts.Bad).ThenBy(r => r.Theme, StringComparer.Ordinal).Take(TopThemesPerDepartment)
                .Select(r => new DepartmentTheme(departmentNames.GetValueOrDefault(g.Key, g.Key), r.Theme!, r.Counts.Bad)))];
    }

    private List<SuspectedComment> Suspected(List<SuspectedRow> rows, OrgNames names)
    {
        var departmentNames = names.Departments.ToDictionary(d => d.Code, d => d.Name);
        var staffNames = names.Staff.Select(s => s.Name).ToList();
        return [.. rows.Select(r => new SuspectedComment(r.Rating, departmentNames.GetValueOrDefault(r.Department, r.Department), r.Confidence,
            masker.Mask(r.Comment, r.RaterName is null ? staffNames : [r.RaterName, .. staffNames])))];
    }

    /// <summary>One comment for each of the week's most frequent bad-review themes, "other" last.</summary>
    private List<SampleComment> Comments(List<CommentRow> comments, List<ThemeCount> themes, OrgNames names)
    {
        var departmentNames = names.Departments.ToDictionary(d => d.Code, d => d.Name);
        var staffNames = names.Staff.Select(s => s.Name).ToList();
        var frequency = themes.ToDictionary(t => t.Theme, t => t.ThisWeek);
        return [.. comments.OrderBy(c => c.Theme == Classification.Themes.Other).ThenByDescending(c => frequency.GetValueOrDefault(c.Theme))
            .ThenBy(c => c.Theme, StringComparer.Ordinal).Take(SampleComments)
            .Select(c => new SampleComment(c.Theme, c.Rating, departmentNames.GetValueOrDefault(c.Department, c.Department),
                masker.Mask(c.Comment, c.RaterName is null ? staffNames : [c.RaterName, .. staffNames])))];
    }
}
