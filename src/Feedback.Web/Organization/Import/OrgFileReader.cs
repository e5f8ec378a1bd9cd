using System.IO.Compression;

namespace Feedback.Web.Organization.Import;

/// <summary>One uploaded or named file: its name and content.</summary>
internal sealed record OrgFilePart(string Name, byte[] Bytes);

/// <summary>
/// Reads an organisation file into rows: an .xlsx workbook (one sheet per kind), or CSV files (one per kind, given
/// together, in a .zip, or as a folder on the command line). Anything else, or anything over the size limit, is one
/// named problem and no rows.
/// </summary>
internal static class OrgFileReader
{
    /// <summary>A province's register (75,000 rows) is about 3 MB as .xlsx; the limit leaves room and refuses what is not a register.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static string TooLarge(long bytes) => $"文件大小 {bytes / 1024.0 / 1024:F1} MB，超过上限 {MaxBytes / 1024 / 1024} MB，未读取。";

    public static OrgInput Read(IReadOnlyList<OrgFilePart> parts)
    {
        var name = parts.Count == 1 ? parts[0].Name : string.Join("、", parts.Select(p => p.Name));
        // Several files are CSV; so is one named .csv that is not a zip (a .zip of CSV files is opened below).
        var csv = parts.Count > 1 || (parts.Count == 1 && parts[0].Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !IsZip(parts[0].Bytes));
        var input = new OrgInput { FileName = name.Length > 100 ? name[..100] : name, RowNumbers = [], ColumnLetters = [], IsCsv = csv };
        var total = parts.Sum(p => (long)p.Bytes.Length);
        if (parts.Count == 0 || total == 0)
            input.Problems.Add(new(null, null, null, "没有收到文件，或文件是空的。"));
        else if (total > MaxBytes)
            input.Problems.Add(new(null, null, null, TooLarge(total)));
        else if (csv)
            ReadGuarded(input, () => OrgCsvReader.Read(input, [.. parts.Select(p => (p.Name, p.Bytes))]));
        else
            ReadOne(input, parts[0]);
        return input;
    }

    /// <summary>The CSV files of a folder (command line).</summary>
    public static OrgInput ReadFolder(string directory) =>
        Read([.. Directory.EnumerateFiles(directory, "*.csv").Order(StringComparer.Ordinal).Select(f => new OrgFilePart(Path.GetFileName(f), File.ReadAllBytes(f)))]);

    private static void ReadOne(OrgInput input, OrgFilePart part)
    {
        var bytes = part.Bytes;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            input.Problems.Add(new(null, null, null, "这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再导入。"));
            return;
        }
        if (!IsZip(bytes))
        {
            input.Problems.Add(new(null, null, null, $"「{part.Name}」不是电子表格：请使用 .xlsx 文件（模板可在管理页面下载），或四个 CSV 文件。"));
            return;
        }
        ReadGuarded(input, () =>
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                zip.Dispose();
                OrgXlsxReader.Read(input, bytes);
                return;
            }
            var csvs = zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (csvs.Count == 0 || csvs.Sum(e => e.Length) > MaxBytes)
            {
                input.Problems.Add(new(null, null, null, csvs.Count == 0
                    ? $"「{part.Name}」不是 .xlsx 文件，压缩包里也没有 CSV 文件。"
                    : TooLarge(csvs.Sum(e => e.Length))));
                return;
            }
            input.IsCsv = true;
            OrgCsvReader.Read(input, [.. csvs.Select(e => (e.Name, ReadAll(e)))]);
        });
    }

    private static bool IsZip(byte[] bytes) => bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A damaged file makes the libraries throw; the person gets one sentence instead.</summary>
    private static void ReadGuarded(OrgInput input, Action read)
    {
        try
        {
            read();
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException or FormatException
            or NotSupportedException or IndexOutOfRangeException or ArgumentException or InvalidCastException)
        {
            input.Rows.Clear();
            input.Problems.Add(new(null, null, null, "文件已损坏或格式不对，无法读取。请用模板重新填写后再导入。"));
        }
    }
}
