using System.Text;
using nietras.SeparatedValues;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// Reads one CSV file per kind (部门.csv, 窗口.csv, 人员.csv, 事项.csv; a prefix such as org-部门.csv, or the API's
/// names departments.csv … service-items.csv, also work). UTF-8, or GB18030 as Excel saves CSV on Chinese Windows.
/// </summary>
internal static class OrgCsvReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static OrgCsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static void Read(OrgInput input, IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        foreach (var sheet in OrgLayout.All)
        {
            var matches = files.Where(f => Matches(f.Name, sheet)).ToList();
            if (matches.Count != 1)
            {
                input.Problems.Add(new(sheet.Kind, null, null, matches.Count == 0
                    ? $"缺少文件「{sheet.Name}.csv」（需要 {string.Join("、", OrgLayout.All.Select(s => s.Name + ".csv"))} 四个文件）。"
                    : $"有 {matches.Count} 个文件都像是{sheet.Name}：{string.Join("、", matches.Select(m => m.Name))}。"));
                continue;
            }
            OrgTableReader.Read(input, sheet, Rows(Decode(matches[0].Bytes)));
        }
    }

    public static bool Matches(string fileName, OrgSheet sheet)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).Trim();
        return Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            && (stem.EndsWith(sheet.Name, StringComparison.Ordinal) || stem.Equals(sheet.Path, StringComparison.OrdinalIgnoreCase));
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static IEnumerable<OrgFileRow> Rows(string text)
    {
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).FromText(text);
        foreach (var row in reader)
        {
            var cells = new string?[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = row[i].ToString();
            yield return new OrgFileRow(row.RowIndex + 1, cells);
        }
    }
}
