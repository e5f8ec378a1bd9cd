using System.Globalization;
using Feedback.Web.Cases;

namespace Feedback.Web.Departments;

/// <summary>
/// Links from a figure of the overview to the case list showing the cases behind it, in the list's filter names:
/// state, department, window, staff, theme, overdue, dueWithinHours, and from/to (local dates of opening, inclusive).
/// </summary>
public sealed record CaseLinks(string Department, DateOnly WeekStart, DateOnly Today, int HoursLeftToday)
{
    private const string Running = CaseStates.Open + "," + CaseStates.InProgress;
    private const string Replied = CaseStates.Rectified + "," + CaseStates.Closed;
    // 差评 leave the figures when their appeal is approved, so their cases leave the list too.
    private static readonly string Counted = string.Join(',', CaseStates.All.Where(s => s != CaseStates.Invalid));

    public static CaseLinks For(DepartmentOverview overview) =>
        new(overview.Code, overview.Week.Monday, overview.Today, (int)Math.Ceiling((overview.DayEnds - overview.At).TotalHours));

    /// <summary>Cases waiting for the department's reply, of the department or of one window or staff member.</summary>
    public string Open(string? window = null, string? staff = null) => Build(window, staff, ("state", Running));

    /// <summary>Whole hours to the end of the day: the list may show a case due in the first minutes after midnight too.</summary>
    public string DueToday() => Build(null, null, ("state", Running), ("overdue", "false"), ("dueWithinHours", Number(HoursLeftToday)));

    public string Overdue(string? window = null, string? staff = null) => Build(window, staff, ("state", Running), ("overdue", "true"));

    /// <summary>Every case opened this week (the report's cohort).</summary>
    public string OpenedThisWeek() => Build(null, null, Week());

    public string RepliedThisWeek() => Build(null, null, [("state", Replied), .. Week()]);

    /// <summary>The cases of this week's 差评 (a rating's case opens when it is received, usually the same minute).</summary>
    public string BadThisWeek(string? window = null, string? staff = null, string? theme = null) =>
        Build(window, staff, [("state", Counted), ("theme", theme), .. Week()]);

    private (string, string?)[] Week() => [("from", Date(WeekStart)), ("to", Date(Today))];

    private string Build(string? window, string? staff, params (string Name, string? Value)[] filters)
    {
        (string Name, string? Value)[] all = [("department", Department), ("window", window), ("staff", staff), .. filters];
        return "/cases?" + string.Join('&', all.Where(f => f.Value is not null)
            .Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!).Replace("%2C", ",", StringComparison.Ordinal)}"));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
