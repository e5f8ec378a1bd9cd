namespace Feedback.Web.Reports;

/// <summary>
/// The raw counts every indicator is computed from (see <see cref="Indicators"/>). Rating counts cover a week's first
/// evaluations; case counts cover the cases opened in the week, in their state when the report is rendered.
/// </summary>
public sealed record WeekCounts
{
    public long Total { get; init; }
    public long Default { get; init; }
    /// <summary>好评: ratings 3-5, default ratings included.</summary>
    public long Good { get; init; }
    /// <summary>差评: active ratings 1-2, except those whose case was judged invalid.</summary>
    public long Bad { get; init; }
    public long SuspectedBad { get; init; }
    public long Cases { get; init; }
    public long Invalid { get; init; }
    /// <summary>Cases appealed (申诉) at some point, whatever the decision.</summary>
    public long Appeals { get; init; }
    public long Replied { get; init; }
    public long RepliedOnTime { get; init; }
    public long Overdue { get; init; }
    public long Closed { get; init; }
    public long Satisfied { get; init; }
    /// <summary>Departments with at least one first evaluation in the week, and all departments (whole-centre counts only).</summary>
    public long DepartmentsRated { get; init; }
    public long Departments { get; init; }

    public long Active => Total - Default;
    public long ValidCases => Cases - Invalid;

    public static readonly WeekCounts Empty = new();
}
