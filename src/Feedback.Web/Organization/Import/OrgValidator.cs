using Feedback.Web.Infrastructure;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Checks a whole input against the stored register and works out what it would change. Every row is checked on its
/// own, then codes for duplicates (in the input, or a retired record's code given to someone else), then the
/// references of the register as it would be afterwards. Upsert by code: rows equal to what is stored change nothing.
/// </summary>
internal static class OrgValidator
{
    public static OrgPlan Plan(OrgInput input, OrgState state, bool retireMissing, DateTimeOffset now, CentreTime centre)
    {
        var problems = new OrgProblems(input.Problems);
        var good = CheckRows(input, problems);
        CheckCodes(input, state, good, problems, centre);
        var result = Resulting(input, state, good, retireMissing);
        new OrgReferences(state, good, result, problems).Check();
        var changes = new List<OrgChange>();
        var unchanged = 0;
        foreach (var (kind, rows) in good)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i] is not { } row)
                    continue;
                if (Change(kind, i, row, state[kind].GetValueOrDefault(row.Code), now) is { } change)
                    changes.Add(change);
                else
                    unchanged++;
            }
            if (retireMissing)
                changes.AddRange(Missing(kind, input.Rows[kind], state, now));
        }
        changes.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Code, b.Code));
        // In the order a person works through the file: sheet by sheet, row by row, left to right.
        var ordered = input.Problems.OrderBy(p => p.Kind.HasValue).ThenBy(p => p.Kind).ThenBy(p => p.Index ?? -1).ThenBy(Column).ToList();
        input.Problems.Clear();
        input.Problems.AddRange(ordered);
        return new OrgPlan(input, changes, unchanged);
    }

    private static int Column(OrgProblem problem) =>
        problem is { Kind: { } kind, Field: { } field } ? Array.FindIndex(OrgLayout.Of(kind).Columns, c => c.Field == field) : -1;

    /// <summary>Each row normalised, or null where it has a problem of its own.</summary>
    private static Dictionary<OrgKind, IOrgRow?[]> CheckRows(OrgInput input, OrgProblems problems)
    {
        var rules = new OrgFieldRules(problems);
        var good = new Dictionary<OrgKind, IOrgRow?[]>();
        foreach (var (kind, rows) in input.Rows.OrderBy(k => k.Key))
        {
            var checkedRows = good[kind] = new IOrgRow?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var read = problems.Has(kind, i);
                var row = rules.Check(kind, i, rows[i]);
                checkedRows[i] = read ? null : row;
            }
        }
        return good;
    }

    private static void CheckCodes(OrgInput input, OrgState state, Dictionary<OrgKind, IOrgRow?[]> good, OrgProblems problems, CentreTime centre)
    {
        foreach (var (kind, rows) in good)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Length; i++)
            {
                var code = rows[i]?.Code ?? input.Rows[kind][i].Code?.Trim();
                if (string.IsNullOrEmpty(code))
                    continue;
                if (!first.TryAdd(code, i))
                {
                    problems.Add(kind, i, "code", $"编码「{code}」重复，与{Where(input, kind, first[code])}相同。");
                    rows[i] = null;
                }
                else if (rows[i] is { Active: true } row && state[kind].GetValueOrDefault(code) is { RetiredAt: { } retired } stored && stored.Row.Name != row.Name)
                {
                    problems.Add(kind, i, "code", $"编码「{code}」属于已停用的「{stored.Row.Name}」（{centre.ToLocal(retired):yyyy-MM-dd}停用），" +
                        "不能再给另一条记录使用，否则历史评价会算到新记录名下。请换一个新编码。");
                    rows[i] = null;
                }
            }
        }
    }

    public static string Where(OrgInput input, OrgKind kind, int index) =>
        input.RowNumbers is { } numbers ? $"第{numbers[kind][index]}行" : $"第{index + 1}条";

    /// <summary>The register as it would be: stored records, overwritten by the input's rows, less what --retire-missing retires.</summary>
    private static Dictionary<OrgKind, Dictionary<string, IOrgRow>> Resulting(
        OrgInput input, OrgState state, Dictionary<OrgKind, IOrgRow?[]> good, bool retireMissing)
    {
        var result = new Dictionary<OrgKind, Dictionary<string, IOrgRow>>();
        foreach (var sheet in OrgLayout.All)
        {
            var rows = result[sheet.Kind] = state[sheet.Kind].ToDictionary(r => r.Key, r => r.Value.Row, StringComparer.Ordinal);
            if (!good.TryGetValue(sheet.Kind, out var given))
                continue;
            if (retireMissing)
            {
                foreach (var missing in Missing(sheet.Kind, input.Rows[sheet.Kind], state, DateTimeOffset.MinValue))
                    rows[missing.Code] = missing.After;
            }
            foreach (var row in given)
            {
                if (row is not null)
                    rows[row.Code] = row;
            }
        }
        return result;
    }

    private static IEnumerable<OrgChange> Missing(OrgKind kind, List<IOrgRow> rows, OrgState state, DateTimeOffset now)
    {
        var present = rows.Select(r => r.Code?.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return state[kind].Values.Where(r => r.RetiredAt is null && !present.Contains(r.Row.Code))
            .Select(r => new OrgChange(kind, OrgAction.Retired, r.Row, r.Row.WithActive(false), now, null));
    }

    private static OrgChange? Change(OrgKind kind, int index, IOrgRow row, OrgRecord? stored, DateTimeOffset now)
    {
        if (stored is null)
            return new(kind, OrgAction.Created, null, row, row.Active ? null : now, index);
        if (stored.Row.Equals(row))
            return null;
        return (stored.Row.Active, row.Active) switch
        {
            (true, false) => new(kind, OrgAction.Retired, stored.Row, row, now, index),
            (false, true) => new(kind, OrgAction.Restored, stored.Row, row, null, index),
            _ => new(kind, OrgAction.Updated, stored.Row, row, stored.RetiredAt, index),
        };
    }
}
