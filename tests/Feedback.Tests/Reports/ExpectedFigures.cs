using Feedback.Web.Reports;

namespace Feedback.Tests.Reports;

/// <summary>
/// The report's figures recomputed from the raw rows with LINQ, without the report's SQL, following the definitions
/// the appendix prints.
/// </summary>
public sealed class ExpectedFigures(ReportRows rows)
{
    private readonly HashSet<long> _invalid = [.. rows.Cases.Where(c => c.State == "invalid").Select(c => c.EvaluationId)];

    public IEnumerable<RawEvaluation> Rated(ReportWeek week) =>
        rows.Evaluations.Where(e => e.AssessNumber == 1 && e.EvaluatedAt >= week.Start && e.EvaluatedAt < week.End);

    public bool IsBad(RawEvaluation e) => e.Rating <= 2 && !e.IsDefault && !_invalid.Contains(e.Id);

    public static string Theme(RawEvaluation e) => e.CorrectedTheme ?? e.Theme ?? "other";

    public WeekCounts Ratings(IEnumerable<RawEvaluation> rated)
    {
        var list = rated.ToList();
        return new WeekCounts
        {
            Total = list.Count,
            Default = list.Count(e => e.IsDefault),
            Good = list.Count(e => e.Rating >= 3),
            Bad = list.Count(IsBad),
            SuspectedBad = list.Count(e => e.Signal == "suspected_bad"),
        };
    }

    public WeekCounts Week(ReportWeek week, string? department = null) => Period(week.Start, week.End, department) with
    {
        DepartmentsRated = department is null ? Rated(week).Select(e => e.Department).Distinct().Count() : 0,
        Departments = department is null ? DemoDepartments : 0,
    };

    /// <summary>The counts of [from, to): ratings by evaluation time, cases by opening (without the department coverage).</summary>
    public WeekCounts Period(DateTimeOffset from, DateTimeOffset to, string? department = null)
    {
        var cohort = rows.Cases.Where(c => c.OpenedAt >= from && c.OpenedAt < to && (department is null || c.Department == department)).ToList();
        var valid = cohort.Where(c => c.State != "invalid").ToList();
        var rated = rows.Evaluations.Where(e => e.AssessNumber == 1 && e.EvaluatedAt >= from && e.EvaluatedAt < to);
        return Ratings(rated.Where(e => department is null || e.Department == department)) with
        {
            Cases = cohort.Count,
            Invalid = cohort.Count - valid.Count,
            Appeals = cohort.Count(c => c.Appealed),
            Replied = valid.Count(c => c.RepliedAt is not null),
            RepliedOnTime = valid.Count(c => c.RepliedAt <= c.DueAt),
            Overdue = valid.Count(c => c.EscalatedAt is not null),
            Closed = valid.Count(c => c.ClosedAt is not null),
            Satisfied = valid.Count(c => c.ClosedAt is not null && c.Satisfaction >= 3),
        };
    }

    /// <summary>D01-D08: the demo organisation the rows are written against.</summary>
    private const int DemoDepartments = 8;

    /// <summary>The bottom ten of <paramref name="week"/> with, for each, whether it was in the previous week's bottom ten.</summary>
    public List<(string Code, bool AlsoLastWeek)> RepeatedBottom(ReportWeek week, Func<RawEvaluation, string?> unit, int minimum)
    {
        var before = Bottom(week.Previous, unit, minimum).Select(u => u.Code).ToHashSet();
        return [.. Bottom(week, unit, minimum).Select(u => (u.Code, before.Contains(u.Code)))];
    }

    public List<(string Code, WeekCounts Counts)> Bottom(ReportWeek week, Func<RawEvaluation, string?> unit, int minimum) =>
    [
        .. Rated(week).Where(e => unit(e) is not null).GroupBy(e => unit(e)!)
            .Select(g => (Code: g.Key, Counts: Ratings(g)))
            .Where(u => u.Counts.Total >= minimum)
            .OrderBy(u => (double)u.Counts.Good / u.Counts.Total).ThenByDescending(u => u.Counts.Bad).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Take(10),
    ];

    public Dictionary<string, long> BadThemes(ReportWeek week) =>
        Rated(week).Where(IsBad).GroupBy(Theme).ToDictionary(g => g.Key, g => (long)g.Count());

    public List<RawCase> Overdue(ReportWeek week) =>
    [
        .. rows.Cases.Where(c => c.OpenedAt >= week.Start && c.OpenedAt < week.End && c.EscalatedAt is not null && c.State != "invalid")
            .OrderBy(c => c.DueAt).ThenBy(c => c.Id),
    ];

    /// <summary>The longest 差评 comment per theme (latest first on equal length).</summary>
    public Dictionary<string, RawEvaluation> LongestComments(ReportWeek week) =>
        Rated(week).Where(e => IsBad(e) && e.Comment is { } c && c.Trim(' ').Length >= 4).GroupBy(Theme)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Comment!.Length).ThenByDescending(e => e.EvaluatedAt).First());
}
