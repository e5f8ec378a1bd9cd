using System.Data;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using nietras.SeparatedValues;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Writes the register in the import's layout (the same sheets, columns and words), so that export → edit → import
/// round-trips: an .xlsx with one sheet per kind, or one UTF-8 CSV per kind (with a BOM, which Excel needs to read
/// Chinese correctly).
/// </summary>
internal static class OrgFileWriter
{
    public static byte[] Xlsx(IReadOnlyDictionary<OrgKind, IReadOnlyList<IOrgRow>> rows)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in OrgLayout.All)
            sheets[sheet.Name] = Table(sheet, rows.GetValueOrDefault(sheet.Kind) ?? []);
        using var output = new MemoryStream();
        output.SaveAs(sheets, configuration: new OpenXmlConfiguration { FastMode = true, AutoFilter = false });
        return output.ToArray();
    }

    /// <summary>The downloadable template: the layout with one example row per sheet.</summary>
    public static byte[] Template() => Xlsx(OrgLayout.All.ToDictionary(s => s.Kind, s => (IReadOnlyList<IOrgRow>)[s.Example]));

    public static byte[] Csv(OrgSheet sheet, IReadOnlyList<IOrgRow> rows)
    {
        using var writer = Sep.Writer(o => o with { Sep = new Sep(','), Escape = true }).ToText();
        foreach (var row in rows)
        {
            using var line = writer.NewRow();
            var values = sheet.Write(row);
            for (var i = 0; i < sheet.Columns.Length; i++)
                line[sheet.Columns[i].Header].Set(values[i] ?? "");
        }
        var text = rows.Count == 0 ? string.Join(',', sheet.Columns.Select(c => c.Header)) + "\r\n" : writer.ToString();
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>Writes FILE.xlsx, or the four CSV files into the folder FILE; returns the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string path, IReadOnlyDictionary<OrgKind, IReadOnlyList<IOrgRow>> rows, CancellationToken ct)
    {
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await File.WriteAllBytesAsync(path, Xlsx(rows), ct);
            return [path];
        }
        Directory.CreateDirectory(path);
        var written = new List<string>();
        foreach (var sheet in OrgLayout.All)
        {
            var file = Path.Combine(path, $"{sheet.Name}.csv");
            await File.WriteAllBytesAsync(file, Csv(sheet, rows.GetValueOrDefault(sheet.Kind) ?? []), ct);
            written.Add(file);
        }
        return written;
    }

    // Every column is text, so that codes such as 001 or 110101 are not turned into numbers.
    private static DataTable Table(OrgSheet sheet, IReadOnlyList<IOrgRow> rows)
    {
        var table = new DataTable(sheet.Name);
        foreach (var column in sheet.Columns)
            table.Columns.Add(column.Header, typeof(string));
        foreach (var row in rows)
            table.Rows.Add(sheet.Write(row));
        return table;
    }
}
