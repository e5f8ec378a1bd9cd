namespace Feedback.Web.Organization.Import;

/// <summary>The problems of one input, at most one per field of a row (the first found is the one to fix).</summary>
internal sealed class OrgProblems
{
    private readonly List<OrgProblem> _list;
    private readonly HashSet<(OrgKind?, int?, string?)> _seen = [];
    private readonly HashSet<(OrgKind, int)> _rows = [];

    public OrgProblems(List<OrgProblem> list)
    {
        _list = list;
        foreach (var p in list)
            Remember(p);
    }

    public int Count => _list.Count;

    /// <summary>Adds the problem unless the field already has one; returns null, so that a switch arm can report and yield nothing.</summary>
    public string? Add(OrgKind? kind, int? index, string? field, string message)
    {
        var problem = new OrgProblem(kind, index, field, message);
        if (Remember(problem))
            _list.Add(problem);
        return null;
    }

    /// <summary>Whether the row has a problem of its own (reading or field rules).</summary>
    public bool Has(OrgKind kind, int index) => _rows.Contains((kind, index));

    private bool Remember(OrgProblem p)
    {
        if (p is { Kind: { } kind, Index: { } index })
            _rows.Add((kind, index));
        return _seen.Add((p.Kind, p.Index, p.Field));
    }
}
