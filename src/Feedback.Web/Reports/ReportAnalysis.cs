using System.Globalization;

namespace Feedback.Web.Reports;

/// <summary>
/// The written analysis (ReportLabels.AnalysisHeading) at the top of a report: a sentence for each rule that finds something notable, each quoting a
/// figure printed elsewhere in the report (the KPI table, the department ranking, the bottom ten, the overdue list, the
/// themes), at most <see cref="MaxSentences"/>, none when nothing is. The rules, in order of priority:
/// <list type="number">
/// <item>the rate KPI that moved most, when by at least <see cref="ReportOptions.AnalysisRateChangePoints"/> points;</item>
/// <item>the count of bad ratings, when it moved by at least 5 and 30 %;</item>
/// <item>departments whose good-rating rate is below <see cref="ReportOptions.AttentionGoodRate"/> (with enough ratings to rank);</item>
/// <item>the department with most overdue cases and its heads (or that it has none);</item>
/// <item>windows and staff in the bottom ten two weeks running;</item>
/// <item>the bad-rating theme that rose most, by at least 3 and half again;</item>
/// <item>the volume of ratings, when it moved by at least 20 %.</item>
/// </list>
/// </summary>
internal static class ReportAnalysis
{
    public const int MaxSentences = 6;
    private const int ListedNames = 3;
    private static readonly IFormatProvider Invariant = CultureInfo.InvariantCulture;

    /// <summary>The rate KPIs compared week on week (coverage is left out: it moves with a single small department).</summary>
    private static readonly Indicator[] ComparedRates =
        [Indicators.GoodRate, Indicators.BadRate, Indicators.UnratedRate, Indicators.RectifyRate, Indicators.OnTimeRate, Indicators.FollowUpSatisfaction];

    public static IReadOnlyList<string> Sentences(WeeklyReport report, ReportOptions options) =>
    [
        .. new[]
        {
            RateChange(report, options), BadChange(report), LowDepartments(report, options), Overdue(report), Repeated(report), RisingTheme(report),
            VolumeChange(report),
        }.OfType<string>().Take(MaxSentences),
    ];

    private static string? RateChange(WeeklyReport report, ReportOptions options)
    {
        var largest = ComparedRates
            .Select(i => (Indicator: i, Now: i.Compute(report.Current), Before: i.Compute(report.Previous)))
            .Where(k => k.Now is not null && k.Before is not null)
            .Select(k => (k.Indicator, Now: k.Now!.Value, Before: k.Before!.Value, Points: Math.Round((k.Now!.Value - k.Before!.Value) * 100, 1)))
            .OrderByDescending(k => Math.Abs(k.Points)).ThenBy(k => Array.IndexOf(ComparedRates, k.Indicator))
            .FirstOrDefault();
        if (largest.Indicator is null || Math.Abs(largest.Points) < options.AnalysisRateChangePoints)
            return null;
        return Format(ReportLabels.AnalysisRateChange, largest.Indicator.Name, largest.Points > 0 ? ReportLabels.Rose : ReportLabels.Fell,
            Math.Abs(largest.Points), largest.Indicator.Format(largest.Before), largest.Indicator.Format(largest.Now));
    }

    private static string? BadChange(WeeklyReport report)
    {
        var (now, before) = (report.Current.Bad, report.Previous.Bad);
        var change = now - before;
        if (Math.Abs(change) < 5 || Math.Abs(change) < 0.3 * before)
            return null;
        return Format(ReportLabels.AnalysisBadChange, change > 0 ? ReportLabels.Increased : ReportLabels.Decreased, Math.Abs(change), before, now);
    }

    private static string? VolumeChange(WeeklyReport report)
    {
        var (now, before) = (report.Current.Total, report.Previous.Total);
        if (before == 0 || Math.Abs(now - before) < 0.2 * before)
            return null;
        return Format(ReportLabels.AnalysisVolumeChange, now > before ? ReportLabels.Increased : ReportLabels.Decreased,
            Math.Round(Math.Abs(now - before) * 100.0 / before), before, now);
    }

    private static string? LowDepartments(WeeklyReport report, ReportOptions options)
    {
        var low = Own(report)
            .Where(d => d.Counts.Total >= options.RankingMinimumRatings && Indicators.GoodRate.Compute(d.Counts) < options.AttentionGoodRate)
            .OrderBy(d => Indicators.GoodRate.Compute(d.Counts)).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        if (low.Count == 0)
            return null;
        var names = Names(low.Select(d => Format(ReportLabels.AnalysisLowDepartment, d.Name, Indicators.GoodRate.Format(Indicators.GoodRate.Compute(d.Counts)))), low.Count);
        return Format(ReportLabels.AnalysisLowDepartments, options.AttentionGoodRate * 100, low.Count, names);
    }

    private static string? Overdue(WeeklyReport report)
    {
        if (report.Current.Overdue == 0)
            return null;
        var most = Own(report).Where(d => d.Counts.Overdue > 0)
            .OrderByDescending(d => d.Counts.Overdue).ThenBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault();
        if (most is null)
            return null;
        return Format(ReportLabels.AnalysisOverdue, report.Current.Overdue, most.Name, most.Counts.Overdue,
            report.Heads.GetValueOrDefault(most.Code) ?? ReportLabels.NoHead);
    }

    private static string? Repeated(WeeklyReport report)
    {
        var windows = report.BottomWindows.Where(u => u.AlsoLastWeek).Select(u => u.Name).ToList();
        var staff = report.BottomStaff.Where(u => u.AlsoLastWeek).Select(u => u.Name).ToList();
        var parts = new List<string>();
        if (windows.Count > 0)
            parts.Add(Format(ReportLabels.AnalysisRepeatedWindows, Names(windows, windows.Count)));
        if (staff.Count > 0)
            parts.Add(Format(ReportLabels.AnalysisRepeatedStaff, Names(staff, staff.Count)));
        return parts.Count == 0 ? null : Format(ReportLabels.AnalysisRepeated, string.Join(ReportLabels.Semicolon, parts));
    }

    private static string? RisingTheme(WeeklyReport report)
    {
        var rising = report.Themes.Where(t => t.ThisWeek - t.LastWeek >= 3 && t.ThisWeek >= 1.5 * t.LastWeek)
            .OrderByDescending(t => t.ThisWeek - t.LastWeek).ThenBy(t => t.Theme, StringComparer.Ordinal).FirstOrDefault();
        return rising is null ? null : Format(ReportLabels.AnalysisRisingTheme, ReportLabels.ThemeName(rising.Theme), rising.ThisWeek, rising.LastWeek);
    }

    /// <summary>The departments a report speaks for: all, or in a department's report only itself (the ranking shows the others).</summary>
    private static IEnumerable<UnitFigures> Own(WeeklyReport report) =>
        report.Scope is { } scope ? report.Departments.Where(d => d.Code == scope.Code) : report.Departments;

    /// <summary>The first few names, then ReportLabels.AnalysisMore when there are more.</summary>
    private static string Names(IEnumerable<string> names, int count) =>
        string.Join(ReportLabels.ListSeparator, names.Take(ListedNames)) + (count > ListedNames ? ReportLabels.AnalysisMore : "");

    private static string Format(string format, params object?[] args) => string.Format(Invariant, format, args);
}
