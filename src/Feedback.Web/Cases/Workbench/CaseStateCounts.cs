namespace Feedback.Web.Cases.Workbench;

/// <summary>How many cases match the filter, per state and per "an extension request waits".</summary>
public sealed class CaseStateCounts(IReadOnlyList<(string State, bool ExtensionRequested, int Count)> groups)
{
    /// <summary>The chips' order: what needs action first, finished last.</summary>
    public static readonly string[] Order =
    [
        CaseStates.Open, CaseStates.InProgress, CaseListCriteria.Review, CaseStates.Rectified, CaseStates.Appealed,
        CaseStates.CannotFixReview, CaseStates.Closed, CaseStates.Invalid, CaseStates.CannotFix,
    ];

    /// <summary>Cases in <paramref name="state"/>, or for <see cref="CaseListCriteria.Review"/> those awaiting the quality office.</summary>
    public int Of(string state) => state == CaseListCriteria.Review
        ? groups.Where(g => CaseListCriteria.IsReview(g.State, g.ExtensionRequested)).Sum(g => g.Count)
        : groups.Where(g => g.State == state).Sum(g => g.Count);

    /// <summary>Every state together.</summary>
    public int All => groups.Sum(g => g.Count);

    /// <summary>Cases matching the criteria's state filter too: the list's total.</summary>
    public int Matching(CaseListCriteria criteria) =>
        groups.Where(g => criteria.MatchesState(g.State, g.ExtensionRequested)).Sum(g => g.Count);

    /// <summary>Counts for the API: every state and review, by name.</summary>
    public IReadOnlyDictionary<string, int> ByName() => Order.ToDictionary(s => s, Of);

    public static string Label(string state) => state == CaseListCriteria.Review ? "待审核" : CaseStates.Label(state);
}
