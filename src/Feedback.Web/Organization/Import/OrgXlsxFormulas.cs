using System.IO.Compression;
using System.Xml;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Finds the cells that hold a formula (an &lt;f&gt; element) in each worksheet of an .xlsx, by sheet name. A reader
/// of values only sees the formula's last result, so an injected =cmd|… would otherwise pass unnoticed.
/// </summary>
internal static class OrgXlsxFormulas
{
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static Dictionary<string, HashSet<string>> Find(ZipArchive zip)
    {
        var targets = Relationships(zip);
        var result = new Dictionary<string, HashSet<string>>();
        using var workbook = XmlReader.Create(Open(zip, "xl/workbook.xml"), Settings);
        while (workbook.Read())
        {
            if (workbook is not { NodeType: XmlNodeType.Element, LocalName: "sheet" })
                continue;
            var name = workbook.GetAttribute("name");
            var id = workbook.GetAttribute("id", RelationshipNs);
            if (name is null || id is null || !targets.TryGetValue(id, out var target))
                continue;
            var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            if (zip.GetEntry(path) is not null)
                result[name] = FormulaCells(Open(zip, path));
        }
        return result;
    }

    private static Dictionary<string, string> Relationships(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>();
        using var rels = XmlReader.Create(Open(zip, "xl/_rels/workbook.xml.rels"), Settings);
        while (rels.Read())
        {
            if (rels is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && rels.GetAttribute("Id") is { } id && rels.GetAttribute("Target") is { } target)
                targets[id] = target;
        }
        return targets;
    }

    private static HashSet<string> FormulaCells(Stream sheet)
    {
        var cells = new HashSet<string>();
        using var reader = XmlReader.Create(sheet, Settings);
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            if (reader.LocalName == "c")
                cell = reader.GetAttribute("r");
            else if (reader.LocalName == "f" && cell is not null)
                cells.Add(cell);
        }
        return cells;
    }

    private static Stream Open(ZipArchive zip, string path) =>
        (zip.GetEntry(path) ?? throw new InvalidDataException($"{path} is missing.")).Open();

    // No DTDs: a workbook is untrusted input.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
}
