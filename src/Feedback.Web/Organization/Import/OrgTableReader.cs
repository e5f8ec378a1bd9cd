namespace Feedback.Web.Organization.Import;

/// <summary>One row of a sheet: its number in the file (the header is row 1) and its cells by column position.</summary>
internal readonly record struct OrgFileRow(int Number, string?[] Cells, ISet<int>? FormulaColumns = null);

/// <summary>
/// Turns the rows of one sheet or CSV file into rows of its kind: the header names the columns (Chinese, or the
/// API's field names), every column must be present, blank rows are skipped, and cells that are formulas, or text
/// that a spreadsheet would run as one (= + - @ at the start), are refused.
/// </summary>
internal static class OrgTableReader
{
    public const int MaxRows = 200_000;
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static void Read(OrgInput input, OrgSheet sheet, IEnumerable<OrgFileRow> rows)
    {
        var (rowList, numbers, letters) = (new List<IOrgRow>(), new List<int>(), new Dictionary<string, string>());
        input.Rows[sheet.Kind] = rowList;
        input.RowNumbers![sheet.Kind] = numbers;
        input.ColumnLetters![sheet.Kind] = letters;
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext() || enumerator.Current.Cells.All(string.IsNullOrWhiteSpace))
        {
            input.Problems.Add(new(sheet.Kind, null, null, "为空（第1行应为表头）。"));
            return;
        }
        if (Header(input, sheet, enumerator.Current.Cells, letters) is not { } columns)
            return;
        var cells = new OrgCells(columns, (field, message) => input.Problems.Add(new(sheet.Kind, rowList.Count, field, message)));
        while (enumerator.MoveNext())
        {
            var row = enumerator.Current;
            if (row.Cells.All(string.IsNullOrWhiteSpace))
                continue;
            if (rowList.Count == MaxRows)
            {
                input.Problems.Add(new(sheet.Kind, null, null, $"超过 {MaxRows:N0} 行，文件未导入。"));
                return;
            }
            cells.Load(row.Cells);
            RefuseFormulas(row, columns, (field, message) => input.Problems.Add(new(sheet.Kind, rowList.Count, field, message)));
            numbers.Add(row.Number);
            rowList.Add(sheet.Read(cells));
        }
        if (rowList.Count == 0)
            input.Problems.Add(new(sheet.Kind, null, null, "没有数据行（只有表头）。"));
    }

    /// <summary>Column positions by field, or null (and a problem) if a column is missing or named twice.</summary>
    private static Dictionary<string, int>? Header(OrgInput input, OrgSheet sheet, string?[] header, Dictionary<string, string> letters)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i]?.Trim();
            // Extra columns (notes and the like) are ignored; the API's field names work as headers too.
            if (sheet.Columns.FirstOrDefault(c => c.Header == name || c.Field == name) is not { } column)
                continue;
            if (!columns.TryAdd(column.Field, i))
            {
                input.Problems.Add(new(sheet.Kind, null, null, $"列「{column.Header}」出现了两次（{letters[column.Field]}列和{Letter(i)}列）。"));
                return null;
            }
            letters[column.Field] = Letter(i);
        }
        var missing = sheet.Columns.Where(c => !columns.ContainsKey(c.Field)).Select(c => $"「{c.Header}」").ToList();
        if (missing.Count == 0)
            return columns;
        input.Problems.Add(new(sheet.Kind, null, null, $"缺少列{string.Join("、", missing)}（第1行是表头，列名见模板）。"));
        return null;
    }

    private static void RefuseFormulas(OrgFileRow row, Dictionary<string, int> columns, Action<string, string> problem)
    {
        foreach (var (field, i) in columns)
        {
            if (row.FormulaColumns?.Contains(i) == true)
                problem(field, "是公式单元格，请改为直接填写值。");
            else if (i < row.Cells.Length && row.Cells[i]?.TrimStart(' ') is { Length: > 0 } text && FormulaStarts.Contains(text[0]))
                problem(field, $"以「{Visible(text[0])}」开头，电子表格会把它当作公式执行，已拒绝。");
        }
    }

    private static string Visible(char c) => c switch { '\t' => "制表符", '\r' => "回车符", _ => c.ToString() };

    /// <summary>A, B, … Z, AA, AB, … for a zero-based column position.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
            letters = (char)('A' + (index - 1) % 26) + letters;
        return letters;
    }

    public static int Column(string letters) => letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1)) - 1;
}
