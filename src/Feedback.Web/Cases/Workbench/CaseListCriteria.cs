namespace Feedback.Web.Cases.Workbench;

/// <summary>How the workbench orders cases.</summary>
public enum CaseListSort
{
    /// <summary>Running cases (open, in progress) by deadline, the least time left first; then all others newest first.</summary>
    Due,
    /// <summary>Newest first by when the rating was received.</summary>
    Received,
    /// <summary>By department code, each department newest first.</summary>
    Department,
}

/// <summary>
/// A validated filter of the case list (see <see cref="CaseListFilter"/> for the query string it comes from). Department
/// roles carry their own department in <see cref="ScopeDepartment"/>, which no other field can widen.
/// </summary>
public sealed record CaseListCriteria
{
    /// <summary>Pseudo-state 待审核: appeals and cannot-fix claims awaiting the quality office, and pending extension requests.</summary>
    public const string Review = "review";

    public static readonly string[] RunningStates = [CaseStates.Open, CaseStates.InProgress];

    /// <summary>Real states asked for; empty with <see cref="IncludesReview"/> false means every state.</summary>
    public IReadOnlyList<string> States { get; init; } = [];
    public bool IncludesReview { get; init; }
    /// <summary>The actor's own department (department roles); null for the whole centre.</summary>
    public string? ScopeDepartment { get; init; }
    public string? Department { get; init; }
    public string? Window { get; init; }
    public string? Staff { get; init; }
    public string? Theme { get; init; }
    public bool? Overdue { get; init; }
    public int? DueWithinHours { get; init; }
    /// <summary>Local dates of the centre, both inclusive; <see cref="ReceivedFrom"/>/<see cref="ReceivedBefore"/> are the instants.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DateTimeOffset? ReceivedFrom { get; init; }
    public DateTimeOffset? ReceivedBefore { get; init; }
    /// <summary>As written in the URL: "me", "none" or a user id.</summary>
    public string? Assignee { get; init; }
    public int? AssigneeId { get; init; }
    public bool Unassigned { get; init; }
    public string? Search { get; init; }
    /// <summary>
    /// Set by <see cref="CaseListQuery.PlanSearchAsync"/>: the search matches so many cases (or is too short for trigrams)
    /// that walking the list in order and testing each case finds a page sooner than collecting every match first.
    /// </summary>
    public bool SearchIsCommon { get; init; }
    public CaseListSort Sort { get; init; }
    public CaseCursor? Cursor { get; init; }

    public bool FiltersState => States.Count > 0 || IncludesReview;

    /// <summary>Whether a filter reads the rating's columns (window, staff, theme), so counting needs the join.</summary>
    public bool FiltersEvaluation => Window is not null || Staff is not null || Theme is not null;

    /// <summary>Whether running cases can match the state filter at all.</summary>
    public bool MayBeRunning => !FiltersState || IncludesReview || States.Any(s => RunningStates.Contains(s));

    /// <summary>Whether cases whose clock has stopped can match.</summary>
    public bool MayBeFinished => DueWithinHours is null && (!FiltersState || IncludesReview || States.Any(s => !RunningStates.Contains(s)));

    /// <summary>Does a case in <paramref name="state"/> (with or without a pending extension request) match the state filter?</summary>
    public bool MatchesState(string state, bool extensionRequested) =>
        !FiltersState || States.Contains(state) || (IncludesReview && IsReview(state, extensionRequested));

    public static bool IsReview(string state, bool extensionRequested) =>
        state is CaseStates.Appealed or CaseStates.CannotFixReview || extensionRequested;
}
