using System.Data;
using System.IO.Compression;
using System.Text;
using Feedback.Web.Demo;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;
using MiniExcelLibs;

namespace Feedback.Tests.Organization;

/// <summary>Organisation files for tests: workbooks built cell by cell, with the defects a person's file may have.</summary>
public static class OrgFiles
{
    /// <summary>A sheet as its header and rows of cells, as a person would type them.</summary>
    public sealed record Sheet(string Name, string[] Header, params string?[][] Rows);

    /// <summary>
    /// The four sheets with the given rows in the import's layout (the same columns as the template); a sheet not given
    /// holds the demo centre's first record of its kind, unchanged, so that importing it changes nothing there.
    /// </summary>
    public static Sheet[] Layout(IEnumerable<IOrgRow>? departments = null, IEnumerable<IOrgRow>? windows = null, IEnumerable<IOrgRow>? staff = null,
        IEnumerable<IOrgRow>? items = null) =>
    [
        Of(OrgLayout.Departments, departments), Of(OrgLayout.Windows, windows), Of(OrgLayout.Staff, staff), Of(OrgLayout.ServiceItems, items),
    ];

    private static Sheet Of(OrgSheet sheet, IEnumerable<IOrgRow>? rows) =>
        new(sheet.Name, [.. sheet.Columns.Select(c => c.Header)], [.. (rows ?? [DemoOrganization.Rows().Rows[sheet.Kind][0]]).Select(sheet.Write)]);

    public static byte[] Xlsx(params Sheet[] sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            var table = new DataTable(sheet.Name);
            foreach (var header in sheet.Header)
                table.Columns.Add(header, typeof(string));
            foreach (var row in sheet.Rows)
                table.Rows.Add(row);
            book[sheet.Name] = table;
        }
        using var output = new MemoryStream();
        output.SaveAs(book);
        return output.ToArray();
    }

    /// <summary>Turns cell <paramref name="cell"/> (e.g. B3) of the n-th sheet into a formula whose cached value stays what it was.</summary>
    public static byte[] WithFormula(byte[] xlsx, int sheetNumber, string cell, string formula)
    {
        using var copy = new MemoryStream();
        copy.Write(xlsx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry($"xl/worksheets/sheet{sheetNumber}.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
                xml = reader.ReadToEnd();
            var start = xml.IndexOf($"r=\"{cell}\"", StringComparison.Ordinal);
            var value = xml.IndexOf("<x:v>", start, StringComparison.Ordinal);
            xml = xml[..value] + $"<x:f>{System.Security.SecurityElement.Escape(formula)}</x:f>" + xml[value..];
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry($"xl/worksheets/sheet{sheetNumber}.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        return copy.ToArray();
    }

    public static OrgInput Read(byte[] bytes, string name = "org.xlsx") => OrgFileReader.Read([new OrgFilePart(name, bytes)]);

    /// <summary>Every problem as a person reads it.</summary>
    public static List<string> Described(OrgInput input) => [.. input.Problems.Select(input.Describe)];

    public static List<string> Described(OrgPlan plan) => [.. plan.Problems.Select(plan.Input.Describe)];
}
