using Feedback.Web.Organization;

namespace Feedback.Web.Cases.Workbench;

/// <summary>A choice of a filter's select: the value in the URL and what the person reads.</summary>
public sealed record FilterOption(string Value, string Label);

/// <summary>Everything <see cref="CaseListPage"/> shows; the filter is echoed as typed so that a bad value can be corrected.</summary>
public sealed record CaseListView
{
    public const int ExportCap = CaseExport.MaxRows;

    public required CaseListFilter Filter { get; init; }
    public CaseListCriteria? Criteria { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<CaseListItem> Items { get; init; } = [];
    public CaseStateCounts? Counts { get; init; }
    /// <summary>Null for a search too common to count (more than <see cref="CaseListQuery.CommonSearchMatches"/>).</summary>
    public CaseCount? Total { get; init; }

    public string TotalText => Total is { } total
        ? $"共 {total.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 件{(total.MoreThanCap ? "以上" : "")}"
        : $"共 {CaseListQuery.CommonSearchMatches.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 件以上";
    public string? NextCursor { get; init; }
    public required CaseListChoices Choices { get; init; }
    /// <summary>Countdowns tick in the browser only in calendar time, where every second counts.</summary>
    public bool Ticks { get; init; }

    public string Link(Func<CaseListFilter, CaseListFilter>? change = null, string? cursor = null) =>
        Query("/cases", Filter.Query(change, cursor));

    public string ExportLink(string format) => $"/cases/export?{string.Join('&', new[] { $"format={format}", Filter.Query() }.Where(s => s.Length > 0))}";

    private static string Query(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";
}

/// <summary>The options of the filter's selects, limited to what the person may see.</summary>
public sealed record CaseListChoices(
    IReadOnlyList<FilterOption> Departments, IReadOnlyList<FilterOption> Windows, IReadOnlyList<FilterOption> Staff,
    IReadOnlyList<FilterOption> Themes, IReadOnlyList<FilterOption> Assignees, bool ChoosesDepartment, bool SignedIn)
{
    public IReadOnlyDictionary<string, string>? DepartmentNames { get; init; }

    /// <summary>Windows and staff of the department chosen or owned (all for the whole centre), sorted as people know them.</summary>
    public static CaseListChoices For(OrgSnapshot org, Caller actor, string? department, IReadOnlyList<FilterOption> assignees)
    {
        var own = actor.DepartmentCode ?? department;
        var names = org.Names;
        var departments = names.Departments.Where(d => actor.CanSee(d.Key)).OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new FilterOption(d.Key, d.Value)).ToList();
        var windows = org.WindowDepartments.Where(w => own is null || w.Value == own)
            .Select(w => names.Windows.TryGetValue(w.Key, out var n) ? new FilterOption(w.Key, $"{n.Number} {n.Name}") : new FilterOption(w.Key, w.Key))
            .OrderBy(o => o.Label, StringComparer.Ordinal).ToList();
        var staff = org.StaffDepartments.Where(s => own is null || s.Value == own)
            .Select(s => new FilterOption(s.Key, $"{names.Staff.GetValueOrDefault(s.Key, s.Key)}（{s.Key}）"))
            .OrderBy(o => o.Value, StringComparer.Ordinal).ToList();
        var themes = Classification.Themes.Labels.Select(t => new FilterOption(t.Key, t.Value)).ToList();
        return new(departments, windows, staff, themes, assignees, actor.DepartmentCode is null, actor.UserId is not null)
        {
            DepartmentNames = names.Departments,
        };
    }
}
