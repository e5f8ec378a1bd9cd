namespace Feedback.Web.Reports;

/// <summary>
/// One group of <see cref="WeeklyQueries.BreakdownAsync"/>: <c>Set</c> is PostgreSQL's GROUPING() bitmask of the unused
/// keys (day, channel, department, window, staff, theme), see <see cref="BreakdownSets"/>.
/// </summary>
internal sealed record BreakdownRow(int Set, int Day, string? Channel, string? Department, string? Window, string? Staff, string? Theme, WeekCounts Counts);

/// <summary>The grouping sets of the breakdown: a bit is set for each key not grouped by.</summary>
internal static class BreakdownSets
{
    public const int Whole = 0b111111;
    public const int ByDayAndChannel = 0b001111;
    public const int ByDepartment = 0b110111;
    public const int ByWindow = 0b111011;
    public const int ByStaff = 0b111101;
    public const int ByDepartmentTheme = 0b110110;

    // The same within each department, for the departments' reports (see DepartmentRows).
    public const int ByDepartmentDayAndChannel = 0b000111;
    public const int ByDepartmentWindow = 0b110011;
    public const int ByDepartmentStaff = 0b110101;
}
