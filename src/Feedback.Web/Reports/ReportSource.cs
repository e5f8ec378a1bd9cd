namespace Feedback.Web.Reports;

/// <summary>
/// What the statements of a report return, before it is put together: the centre's rows and, in the same result
/// sets, every department's (grouped by department as well, or marked with the scope they count in). A department's
/// report is cut from the centre's rows (<see cref="For"/>), so all eight cost one pass over the week, not eight.
/// </summary>
internal sealed record ReportSource(
    List<BreakdownRow> Rows,
    List<BreakdownRow> LastWeek,
    List<(string? Department, string Theme, long Count)> LastWeekThemes,
    List<(int Week, string? Department, WeekCounts Counts)> Cases,
    List<(string? Scope, CommentRow Row)> Comments,
    List<(string? Scope, SuspectedRow Row)> Suspected,
    List<(string? Scope, OverdueCase Case)> Overdue,
    List<(int Week, string? Department, WeekCounts Counts)> Trend,
    OrgNames Names)
{
    /// <summary>
    /// The rows of one scope, the centre (null) or a department, shaped as the statements return them when they are
    /// filtered to that department: a department's groups move into the centre's sets (its total becomes the whole).
    /// </summary>
    public ReportSource For(string? department) => department is null
        ? this with
        {
            LastWeekThemes = [.. LastWeekThemes.Where(t => t.Department is null)],
            Comments = [.. Comments.Where(c => c.Scope is null)],
            Suspected = [.. Suspected.Where(c => c.Scope is null)],
            Overdue = [.. Overdue.Where(c => c.Scope is null)],
            Trend = [.. Trend.Where(t => t.Department is null)],
        }
        : new ReportSource(
            Within(Rows, department), Within(LastWeek, department),
            [.. LastWeekThemes.Where(t => t.Department == department).Select(t => ((string?)null, t.Theme, t.Count))],
            [.. Cases.Where(c => c.Department == department).SelectMany(c => new[] { (c.Week, (string?)null, c.Counts), c })],
            [.. Comments.Where(c => c.Scope == department)],
            [.. Suspected.Where(c => c.Scope == department)],
            [.. Overdue.Where(c => c.Scope == department)],
            [.. Trend.Where(t => t.Department == department)],
            Names);

    /// <summary>A department's groups as the breakdown filtered to it returns them.</summary>
    private static List<BreakdownRow> Within(List<BreakdownRow> rows, string department)
    {
        var own = rows.Where(r => r.Department == department).ToList();
        return
        [
            .. own.Where(r => r.Set == BreakdownSets.ByDepartment).Select(r => r with { Set = BreakdownSets.Whole, Department = null }),
            .. own.Where(r => r.Set is BreakdownSets.ByDepartment or BreakdownSets.ByDepartmentTheme),
            .. own.Where(r => r.Set == BreakdownSets.ByDepartmentDayAndChannel).Select(r => r with { Set = BreakdownSets.ByDayAndChannel, Department = null }),
            .. own.Where(r => r.Set == BreakdownSets.ByDepartmentWindow).Select(r => r with { Set = BreakdownSets.ByWindow, Department = null }),
            .. own.Where(r => r.Set == BreakdownSets.ByDepartmentStaff).Select(r => r with { Set = BreakdownSets.ByStaff, Department = null }),
        ];
    }
}
