using Feedback.Web.Reports;

namespace Feedback.Web.Departments;

/// <summary>
/// What a department head sees on /department: the cases the department owes a reply on now, and this week's
/// ratings and rectification as the weekly report counts them (<see cref="ThisWeek"/> holds the report's raw counts
/// for the department, so every <see cref="Indicators"/> entry applies to it).
/// </summary>
public sealed record DepartmentOverview(
    string Code,
    string Name,
    ReportWeek Week,
    DateTimeOffset At,
    DateOnly Today,
    DateTimeOffset DayEnds,
    CaseLoad Cases,
    WeekCounts ThisWeek,
    IReadOnlyList<UnitOverview> Windows,
    IReadOnlyList<UnitOverview> Staff,
    IReadOnlyList<ThemeTally> Themes);

/// <summary>
/// Cases still waiting for the department's reply (待核实, 整改中): all of them, those due before the local day ends
/// and not overdue yet, and the overdue ones (escalated, or past the deadline), as the case list's overdue filter has it.
/// </summary>
public sealed record CaseLoad(int Open, int DueToday, int Overdue)
{
    public static readonly CaseLoad None = new(0, 0, 0);

    public static CaseLoad operator +(CaseLoad a, CaseLoad b) => new(a.Open + b.Open, a.DueToday + b.DueToday, a.Overdue + b.Overdue);
}

/// <summary>A window or staff member: this week's ratings (rating counts only) and the cases it owes now.</summary>
/// <param name="Window">For a staff member, the window they sit at ("A01 窗口名"), if any.</param>
public sealed record UnitOverview(string Code, string Name, string? Window, WeekCounts Ratings, CaseLoad Cases);

/// <summary>差评 of one complaint theme this week (the report's theme: the officers' correction, else the model's, else other).</summary>
public sealed record ThemeTally(string Theme, long Count)
{
    public string Label => ReportLabels.ThemeName(Theme);
}
