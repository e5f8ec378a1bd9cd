using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Classification;
using Feedback.Web.Evaluations;
using Feedback.Web.Organization;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// A case in the list (GET /api/cases, the page, the export): the case with the names of its department, window, staff
/// and assignee. Carries every field of <see cref="CaseSummary"/> under the same names, so older clients read it as before.
/// </summary>
/// <param name="RemainingSeconds">Countable time left (working time in working-time mode); negative once overdue; null when the clock has stopped.</param>
public sealed record CaseListItem(
    long Id, long EvaluationId, string? CaseNumber, string DepartmentCode, string DepartmentName, string? WindowCode, string? WindowNumber,
    string? WindowName, string? StaffCode, string? StaffName, string State, string StateLabel, DateTimeOffset OpenedAt, DateTimeOffset DueAt,
    double? RemainingSeconds, bool Overdue, DateTimeOffset? EscalatedAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt,
    short? RequestedExtensionDays, int Extensions, int Rating, string RatingLabel, string? Comment, string? Theme, string? ThemeLabel,
    int? AssigneeId, string? AssigneeName, string? ReplyNote, string? RaterPhoneMasked)
{
    public static CaseListItem From(CaseListRow r, OrgNames names, DeadlineCalculator deadlines, DateTimeOffset now)
    {
        var window = r.WindowCode is { } w && names.Windows.TryGetValue(w, out var found) ? found : default;
        var remaining = r.ClockRuns ? deadlines.Remaining(now, r.DueAt).TotalSeconds : (double?)null;
        return new(r.Id, r.EvaluationId, r.CaseNumber, r.DepartmentCode, names.Departments.GetValueOrDefault(r.DepartmentCode, r.DepartmentCode),
            r.WindowCode, window.Number, window.Name, r.StaffCode, r.StaffCode is { } s ? names.Staff.GetValueOrDefault(s, s) : null,
            r.State, CaseStates.Label(r.State), r.OpenedAt, r.DueAt, remaining, r.IsOverdue(now), r.EscalatedAt, r.RepliedAt, r.ClosedAt,
            r.RequestedExtensionDays, r.Extensions, r.Rating, Ratings.Labels.GetValueOrDefault(r.Rating, $"{r.Rating}"), r.Comment,
            r.Theme, r.Theme is { } t ? Themes.Labels.GetValueOrDefault(t, t) : null, r.AssigneeId, r.AssigneeName, r.ReplyNote, r.RaterPhoneMasked);
    }
}

/// <summary>GET /api/cases: a page, the total and the counts per state for the filter, and the cursor of the next page.</summary>
/// <param name="Total">Cases matching the filter; null for a search matching more than <see cref="CaseListQuery.CommonSearchMatches"/> (not counted).</param>
/// <param name="Counts">Cases per state (and <c>review</c>: 待审核) for every filter but the state; null when <c>Total</c> is.</param>
public sealed record CaseListResponse(IReadOnlyList<CaseListItem> Items, int? Total, string? NextCursor, IReadOnlyDictionary<string, int>? Counts);
