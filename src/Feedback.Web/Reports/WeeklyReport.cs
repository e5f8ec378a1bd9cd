namespace Feedback.Web.Reports;

/// <summary>Everything a weekly report shows, read from the database by <see cref="WeeklyFigures"/>.</summary>
public sealed record WeeklyReport(
    ReportWeek Week,
    DateTimeOffset GeneratedAt,
    WeekCounts Current,
    WeekCounts Previous,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<ChannelDay> DailyByChannel,
    IReadOnlyList<UnitFigures> Departments,
    IReadOnlyList<UnitFigures> BottomWindows,
    IReadOnlyList<UnitFigures> BottomStaff,
    IReadOnlyList<ThemeCount> Themes,
    IReadOnlyList<DepartmentTheme> TopThemesByDepartment,
    IReadOnlyList<OverdueCase> Overdue,
    IReadOnlyList<SampleComment> Comments,
    IReadOnlyList<SuspectedComment> Suspected)
{
    /// <summary>The centre's name (<c>Qr:CentreName</c>), on every page and image.</summary>
    public string Centre { get; init; } = ReportLabels.Centre;

    /// <summary>Department heads by department code ("A主任、B主任"); a department without one is missing.</summary>
    public IReadOnlyDictionary<string, string> Heads { get; init; } = new Dictionary<string, string>();

    /// <summary>Names of the departments without a head, so that nobody owns their overdue cases: named in the report.</summary>
    public IReadOnlyList<string> DepartmentsWithoutHead { get; init; } = [];

    /// <summary>
    /// Set for a department's report: every figure is the department's, except <see cref="Departments"/>, the centre's
    /// ranking, which shows the department's place among the others.
    /// </summary>
    public DepartmentScope? Scope { get; init; }

    /// <summary>A centre report's rows as read, every department's within them: its departments' reports are cut from these.</summary>
    internal ReportSource? Source { get; init; }

    /// <summary>The written 分析与建议, see <see cref="ReportAnalysis"/>.</summary>
    public IReadOnlyList<string> Analysis { get; init; } = [];

    /// <summary>Rendered before the week ended: its figures are so far, and it is marked 未完.</summary>
    public bool Unfinished => GeneratedAt < Week.End;

    /// <summary>Every text that comes from the data (names, comments, codes without a label), for the font subset.</summary>
    public IEnumerable<string> Texts() =>
        Departments.Concat(BottomWindows).Concat(BottomStaff).SelectMany(u => new[] { u.Name, u.Parent })
            .Concat(DailyByChannel.Select(d => d.Channel))
            .Concat(Themes.Select(t => t.Theme))
            .Concat(TopThemesByDepartment.SelectMany(t => new[] { t.Department, t.Theme }))
            .Concat(Overdue.SelectMany(c => new[] { c.Department, c.Owners, c.State }))
            .Concat(Comments.SelectMany(c => new[] { c.Theme, c.Department, c.Text }))
            .Concat(Suspected.SelectMany(c => new[] { c.Department, c.Text }))
            .Append(Centre).Append(Scope?.Name ?? "").Concat(Analysis).Concat(Heads.Values).Concat(DepartmentsWithoutHead);
}

/// <summary>The department a report is scoped to.</summary>
public sealed record DepartmentScope(string Code, string Name);

/// <summary>One week of the 好评率 trend.</summary>
public sealed record TrendPoint(ReportWeek Week, WeekCounts Counts);

/// <summary>Ratings on one day (0 = Monday) through one channel.</summary>
public sealed record ChannelDay(int Day, string Channel, long Count);

/// <summary>A department, window or staff member with its counts; <paramref name="Parent"/> names the department or window.</summary>
public sealed record UnitFigures(string Code, string Name, string Parent, WeekCounts Counts)
{
    /// <summary>In a bottom-ten list: the unit was in last week's bottom ten too.</summary>
    public bool AlsoLastWeek { get; init; }
}

/// <summary>差评 of one theme this week and last week.</summary>
public sealed record ThemeCount(string Theme, long ThisWeek, long LastWeek);

public sealed record DepartmentTheme(string Department, string Theme, long Count);

public sealed record OverdueCase(long CaseId, string Department, string Owners, string State, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? RepliedAt);

/// <summary>A comment as printed: masked and trimmed.</summary>
public sealed record SampleComment(string Theme, int Rating, string Department, string Text);

/// <summary>A 疑似差评 as printed: the 好评's comment (masked and trimmed) and how sure the polarity model was that it complains.</summary>
public sealed record SuspectedComment(int Rating, string Department, float? Confidence, string Text);
