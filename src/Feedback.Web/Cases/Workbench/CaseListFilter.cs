using System.Globalization;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// The case list's filter as it arrives in the query string of /cases, /cases/export and GET /api/cases. Every value
/// is kept as text so that a bad one is answered by name (<see cref="CaseListParser"/>) rather than by the binder.
/// <c>State</c> may repeat (state=open&amp;state=closed) or list states separated by commas.
/// </summary>
public sealed record CaseListFilter(
    string[]? State, string? Department, string? Window, string? Staff, string? Theme, string? Overdue, string? DueWithinHours,
    string? From, string? To, string? Assignee, string? Q, string? Sort, string? Cursor)
{
    public static readonly CaseListFilter Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The filter back as query-string pairs, without the cursor (a changed filter starts on the first page).</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        foreach (var state in StateValues())
            yield return new("state", state);
        (string Key, string? Value)[] single =
        [
            ("department", Department), ("window", Window), ("staff", Staff), ("theme", Theme), ("overdue", Overdue),
            ("dueWithinHours", DueWithinHours), ("from", From), ("to", To), ("assignee", Assignee), ("q", Q), ("sort", Sort),
        ];
        foreach (var (key, value) in single)
        {
            if (!string.IsNullOrWhiteSpace(value))
                yield return new(key, value.Trim());
        }
    }

    /// <summary>States asked for, whether repeated or comma-separated, without blanks.</summary>
    public IEnumerable<string> StateValues() =>
        (State ?? []).SelectMany(s => (s ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal);

    /// <summary>The query string (without "?") of this filter with <paramref name="change"/> applied to a copy.</summary>
    public string Query(Func<CaseListFilter, CaseListFilter>? change = null, string? cursor = null)
    {
        var filter = change is null ? this : change(this);
        var pairs = filter.Pairs().ToList();
        if (cursor is not null)
            pairs.Add(new("cursor", cursor));
        return string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
