using Feedback.Web.Departments;
using Feedback.Web.Reports;

namespace Feedback.Web.Overview;

/// <summary>
/// What leaders and the quality office see on /overview: this week so far against the same stretch of last week
/// (Monday 00:00 to the same weekday and hour), counted as the weekly report counts them (<see cref="WeekCounts"/>,
/// so every <see cref="Indicators"/> entry applies), and the cases owed now, for the centre and by department.
/// </summary>
public sealed record CentreOverview(ReportWeek Week, DateTimeOffset At, WeekCounts ThisWeek, WeekCounts LastWeek, CaseLoad Cases,
    IReadOnlyList<DepartmentLine> Departments)
{
    /// <summary>The departments nobody is named head of: their cases have no owner.</summary>
    public IEnumerable<DepartmentLine> WithoutHead => Departments.Where(d => d.Heads is null);
}

/// <param name="Heads">The department heads' names ("A主任、B主任"), null when there is none.</param>
public sealed record DepartmentLine(string Code, string Name, string? Heads, WeekCounts ThisWeek, WeekCounts LastWeek, CaseLoad Cases);
