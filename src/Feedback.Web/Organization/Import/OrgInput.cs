namespace Feedback.Web.Organization.Import;

/// <summary>
/// Something wrong with the input: a whole file (no kind), a sheet (no index), a row, or one field of a row.
/// <see cref="Index"/> is the row's position in its kind's list; <see cref="Field"/> the camelCase field name.
/// </summary>
public sealed record OrgProblem(OrgKind? Kind, int? Index, string? Field, string Message);

/// <summary>
/// Rows to upsert, by kind (a kind not present is left alone), with the problems met while reading them and, for a
/// file, where each row came from so that problems can be named by sheet, row and column.
/// </summary>
public sealed class OrgInput
{
    public Dictionary<OrgKind, List<IOrgRow>> Rows { get; } = [];
    public List<OrgProblem> Problems { get; } = [];
    /// <summary>For a file: the sheet row number of each row, by kind; null for an API body.</summary>
    public Dictionary<OrgKind, List<int>>? RowNumbers { get; init; }
    /// <summary>For a file: the column letter (A, B, …) of each field, by kind.</summary>
    public Dictionary<OrgKind, Dictionary<string, string>>? ColumnLetters { get; init; }
    /// <summary>The file's name, for the audit log and messages.</summary>
    public string? FileName { get; init; }
    public bool IsCsv { get; set; }

    public static OrgInput Of(OrgKind kind, IEnumerable<IOrgRow> rows)
    {
        var input = new OrgInput();
        input.Rows[kind] = [.. rows];
        return input;
    }

    public int Count => Rows.Values.Sum(r => r.Count);

    /// <summary>A problem as a person reads it: 人员 第5行 C列「所属部门编码」：…</summary>
    public string Describe(OrgProblem problem)
    {
        if (problem.Kind is not { } kind)
            return problem.Message;
        var sheet = OrgLayout.Of(kind);
        var name = IsCsv ? $"{sheet.Name}.csv" : $"工作表「{sheet.Name}」";
        if (problem.Index is not { } index)
            return $"{name}：{problem.Message}";
        if (RowNumbers is null)
            return $"{sheet.Path}[{index}]{(problem.Field is null ? "" : "." + problem.Field)}：{problem.Message}";
        var row = RowNumbers[kind][index];
        return problem.Field is { } field
            ? $"{name} 第{row}行 {Letter(kind, field)}列「{sheet.Column(field).Header}」：{problem.Message}"
            : $"{name} 第{row}行：{problem.Message}";
    }

    /// <summary>A ProblemDetails key: the cell (部门!B3) for a file, the field path ([3].name) for an API body.</summary>
    public string Key(OrgProblem problem)
    {
        if (problem.Kind is not { } kind)
            return "file";
        var sheet = OrgLayout.Of(kind);
        if (problem.Index is not { } index)
            return RowNumbers is null ? sheet.Path : sheet.Name;
        if (RowNumbers is null)
            return problem.Field is null ? $"[{index}]" : $"[{index}].{problem.Field}";
        var row = RowNumbers[kind][index];
        return problem.Field is null ? $"{sheet.Name}!{row}" : $"{sheet.Name}!{Letter(kind, problem.Field)}{row}";
    }

    private string Letter(OrgKind kind, string field) =>
        ColumnLetters?.GetValueOrDefault(kind)?.GetValueOrDefault(field) ?? "?";
}
