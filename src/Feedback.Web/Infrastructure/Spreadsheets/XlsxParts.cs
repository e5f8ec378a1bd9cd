using System.Text;

namespace Feedback.Web.Infrastructure.Spreadsheets;

/// <summary>
/// The fixed parts of a one-sheet SpreadsheetML package (ECMA-376): content types, relationships, the workbook and its
/// three cell styles (default, a time as yyyy-mm-dd hh:mm, a bold header), and the XML escaping of cell text.
/// </summary>
internal static class XlsxParts
{
    public const int TimeStyle = 1;
    public const int HeaderStyle = 2;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Package = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    /// <summary>The sheet's opening, with the header row frozen so that it stays in view while scrolling.</summary>
    public const string SheetStart = $"""{Xml}<worksheet xmlns="{Main}" xmlns:r="{Relations}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>""";

    public static IEnumerable<(string Path, string Xml)> Fixed(string sheetName)
    {
        yield return ("[Content_Types].xml", $"""{Xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        yield return ("_rels/.rels", $"""{Xml}<Relationships xmlns="{Package}"><Relationship Id="rId1" Type="{Relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        yield return ("xl/workbook.xml", $"""{Xml}<workbook xmlns="{Main}" xmlns:r="{Relations}"><sheets><sheet name="{Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        yield return ("xl/_rels/workbook.xml.rels", $"""{Xml}<Relationships xmlns="{Package}"><Relationship Id="rId1" Type="{Relations}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Relations}/styles" Target="styles.xml"/></Relationships>""");
        yield return ("xl/styles.xml", $"""{Xml}<styleSheet xmlns="{Main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>""");
    }

    /// <summary>A1-style letters of a zero-based column: A … Z, AA, AB, …</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// Appends text escaped for XML. Characters XML 1.0 cannot carry at all (C0 controls other than tab, line feed and
    /// carriage return, U+FFFE/U+FFFF, unpaired surrogates) are dropped: Excel refuses a whole file that holds one.
    /// </summary>
    public static void AppendEscaped(StringBuilder to, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // an emoji or a rare character, kept as it is
                continue;
            }
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\t' or '\n' or '\r' => null,
                < ' ' or '\uFFFE' or '\uFFFF' => "",
                _ when char.IsSurrogate(c) => "",
                _ => null,
            };
            if (replacement is null)
                continue;
            to.Append(text, start, i - start).Append(replacement);
            start = i + 1;
        }
        to.Append(text, start, text.Length - start);
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        AppendEscaped(escaped, text);
        return escaped.Replace("\"", "&quot;").ToString();
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name.</summary>
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')));
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }
}
