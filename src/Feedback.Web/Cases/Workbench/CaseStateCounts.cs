using System.Globalization;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// How many cases match the filter, per state and per "an extension request waits". Each group is counted up to
/// <paramref name="cap"/> + 1 and no further, so that a count costs the same on a million finished cases as on a
/// thousand: a group past the cap means "more than the cap", and so does any sum it is part of.
/// </summary>
public sealed class CaseStateCounts(IReadOnlyList<(string State, bool ExtensionRequested, int Count)> groups, int cap)
{
    /// <summary>The chips' order: what needs action first, finished last.</summary>
    public static readonly string[] Order =
    [
        CaseStates.Open, CaseStates.InProgress, CaseListCriteria.Review, CaseStates.Rectified, CaseStates.Appealed,
        CaseStates.CannotFixReview, CaseStates.Closed, CaseStates.Invalid, CaseStates.CannotFix,
    ];

    /// <summary>Cases in <paramref name="state"/>, or for <see cref="CaseListCriteria.Review"/> those awaiting the quality office.</summary>
    public CaseCount Of(string state) => state == CaseListCriteria.Review
        ? Sum(g => CaseListCriteria.IsReview(g.State, g.ExtensionRequested))
        : Sum(g => g.State == state);

    /// <summary>Every state together.</summary>
    public CaseCount All => Sum(_ => true);

    /// <summary>Cases matching the criteria's state filter too: the list's total.</summary>
    public CaseCount Matching(CaseListCriteria criteria) => Sum(g => criteria.MatchesState(g.State, g.ExtensionRequested));

    /// <summary>Counts for the API, every state and review by name (see <see cref="CaseCount.ForApi"/>).</summary>
    public IReadOnlyDictionary<string, int> ByName() => Order.ToDictionary(s => s, s => Of(s).ForApi);

    public static string Label(string state) => state == CaseListCriteria.Review ? "待审核" : CaseStates.Label(state);

    private CaseCount Sum(Func<(string State, bool ExtensionRequested, int Count), bool> which)
    {
        var chosen = groups.Where(which).ToList();
        return new(chosen.Sum(g => Math.Min(g.Count, cap)), chosen.Any(g => g.Count > cap));
    }
}

/// <summary>A count, or with <see cref="MoreThanCap"/> a lower bound: some group in it stopped counting at the cap.</summary>
public readonly record struct CaseCount(int Value, bool MoreThanCap)
{
    /// <summary>The count, or one more than its lower bound: a figure over the cap means "at least this many".</summary>
    public int ForApi => MoreThanCap ? Value + 1 : Value;

    /// <summary>"1,234", or "1,000+" when counting stopped.</summary>
    public override string ToString() =>
        Value.ToString("N0", CultureInfo.InvariantCulture) + (MoreThanCap ? "+" : "");
}
