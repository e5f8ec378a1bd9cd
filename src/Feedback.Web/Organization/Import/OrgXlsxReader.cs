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
        Dictionary<string, HashSet<string>> formulas;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                input.Problems.Add(new(null, null, null, $"文件解压后超过 {MaxUnpackedBytes / 1024 / 1024} MB，不像是组织机构表，未导入。"));
                return;
            }
            formulas = OrgXlsxFormulas.Find(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or KeyNotFoundException)
        {
            input.Problems.Add(new(null, null, null, "文件已损坏，无法作为 .xlsx 读取。"));
            return;
        }
        using var stream = new MemoryStream(bytes);
        var names = MiniExcel.GetSheetNames(stream);
        foreach (var sheet in OrgLayout.All)
        {
            if (names.FirstOrDefault(n => n.Trim() == sheet.Name) is not { } name)
            {
                input.Problems.Add(new(sheet.Kind, null, null, $"缺少工作表「{sheet.Name}」（需要 {string.Join("、", OrgLayout.All.Select(s => s.Name))} 四个工作表）。"));
                continue;
            }
            stream.Position = 0;
            OrgTableReader.Read(input, sheet, Rows(stream, name, formulas.GetValueOrDefault(name)));
        }
    }

    private static IEnumerable<OrgFileRow> Rows(Stream stream, string sheetName, HashSet<string>? formulaCells)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheetName))
        {
            number++;
            var cells = new string?[row.Count];
            HashSet<int>? formulaColumns = null;
            foreach (var (letter, value) in row)
            {
                var column = OrgTableReader.Column(letter);
                if (column >= cells.Length)
                    Array.Resize(ref cells, column + 1);
                cells[column] = Text(value);
                if (formulaCells?.Contains(letter + number.ToString(CultureInfo.InvariantCulture)) == true)
                    (formulaColumns ??= []).Add(column);
            }
            yield return new OrgFileRow(number, cells, formulaColumns);
        }
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
