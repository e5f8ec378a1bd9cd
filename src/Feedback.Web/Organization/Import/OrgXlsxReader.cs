using System.Globalization;
using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Reads an .xlsx workbook with one sheet per kind. MiniExcel gives each cell's value (a formula's cached result);
/// the worksheets' XML is scanned first for the formulas themselves, which are refused.
/// </summary>
internal static class OrgXlsxReader
{
    /// <summary>Unpacked, a workbook of a province's register is about 30 MB; more than this is not a register.</summary>
    public const long MaxUnpackedBytes = 300L * 1024 * 1024;

    public static void Read(OrgInput input, byte[] bytes)
    {
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                input.Problems.Add(new(null, null, null, $"文件解压后超过 {MaxUnpackedBytes / 1024 / 1024} MB，不像是组织机构表，未导入。"));
                return;
            }
        }
        var names = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        var sheets = OrgLayout.All.Select(s => (Sheet: s, Name: names.FirstOrDefault(n => n.Trim() == s.Name))).ToList();
        // The formula scan and each sheet's parsing are independent: on a province's file they take turns on two cores.
        var formulas = new Dictionary<string, HashSet<string>>();
        var rows = new List<OrgFileRow>?[sheets.Count];
        Run([() => formulas = Formulas(bytes), .. sheets.Select((s, i) => (Action)(() => rows[i] = s.Name is null ? null : [.. Rows(bytes, s.Name)]))]);
        for (var i = 0; i < sheets.Count; i++)
        {
            var (sheet, name) = sheets[i];
            if (name is null)
                input.Problems.Add(new(sheet.Kind, null, null, $"缺少工作表「{sheet.Name}」（需要 {string.Join("、", OrgLayout.All.Select(s => s.Name))} 四个工作表）。"));
            else
                OrgTableReader.Read(input, sheet, Marked(rows[i]!, formulas.GetValueOrDefault(name)));
        }
    }

    private static Dictionary<string, HashSet<string>> Formulas(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return OrgXlsxFormulas.Find(zip);
    }

    /// <summary>Runs the actions in parallel and rethrows the first failure as itself, so callers can tell a damaged file by its exception.</summary>
    private static void Run(Action[] actions)
    {
        try
        {
            Parallel.Invoke(actions);
        }
        catch (AggregateException ex)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
    }

    private static IEnumerable<OrgFileRow> Rows(byte[] bytes, string sheetName)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in new MemoryStream(bytes).Query(useHeaderRow: false, sheetName: sheetName))
        {
            number++;
            var cells = new string?[row.Count];
            foreach (var (letter, value) in row)
            {
                var column = OrgTableReader.Column(letter);
                if (column >= cells.Length)
                    Array.Resize(ref cells, column + 1);
                cells[column] = Text(value);
            }
            yield return new OrgFileRow(number, cells);
        }
    }

    /// <summary>The rows with the columns of their formula cells marked.</summary>
    private static IEnumerable<OrgFileRow> Marked(List<OrgFileRow> rows, HashSet<string>? formulaCells)
    {
        if (formulaCells is not { Count: > 0 })
            return rows;
        var byRow = formulaCells.Select(Cell).GroupBy(c => c.Row).ToDictionary(g => g.Key, g => g.Select(c => c.Column).ToHashSet());
        return rows.Select(row => byRow.TryGetValue(row.Number, out var columns) ? row with { FormulaColumns = columns } : row);
    }

    private static (int Row, int Column) Cell(string reference)
    {
        var letters = reference.TakeWhile(char.IsAsciiLetter).Count();
        return (int.Parse(reference.AsSpan(letters), CultureInfo.InvariantCulture), OrgTableReader.Column(reference[..letters]));
    }

    /// <summary>A cell as text: numbers without exponent or thousands separators (a job number typed as a number stays 1001).</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
