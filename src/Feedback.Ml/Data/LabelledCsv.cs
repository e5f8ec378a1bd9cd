using System.Text;
using nietras.SeparatedValues;

namespace Feedback.Ml;

/// <summary>Reads (text, label) pairs from a CSV (or .tsv) file with a header row, by column name.</summary>
public static class LabelledCsv
{
    public const string DefaultTextColumn = "text";
    public const string DefaultLabelColumn = "theme";

    public static IReadOnlyList<(string Text, string Label)> Read(
        string path, string textColumn = DefaultTextColumn, string labelColumn = DefaultLabelColumn, Action<string>? log = null)
    {
        if (!File.Exists(path))
            throw new ThemeDataException($"data file not found: {path}");

        var separator = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        // The header is read as a row so that a missing column is named with the columns the file has.
        using var csv = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, Sep = new Sep(separator) })
            .From(text);
        int textIndex = -1, labelIndex = -1, columns = 0;
        var rows = new List<(string, string)>();
        var skipped = 0;
        foreach (var row in csv)
        {
            if (columns == 0)
            {
                var header = new List<string>(row.ColCount);
                for (var i = 0; i < row.ColCount; i++)
                    header.Add(row[i].ToString().Trim());
                (textIndex, labelIndex, columns) = (ColumnIndex(header, textColumn, path), ColumnIndex(header, labelColumn, path), header.Count);
                continue;
            }
            if (IsBlank(row))
                continue;
            if (row.ColCount <= Math.Max(textIndex, labelIndex))
                throw new ThemeDataException($"{path}:{row.LineNumberFrom}: expected {columns} columns, found {row.ColCount}");
            var rowText = row[textIndex].Span.Trim();
            var label = row[labelIndex].Span.Trim();
            if (rowText.IsEmpty || label.IsEmpty) { skipped++; continue; }
            rows.Add((rowText.ToString(), label.ToString()));
        }
        if (columns == 0)
            throw new ThemeDataException($"{path} is empty: expected a header row with columns '{textColumn}' and '{labelColumn}'");
        if (skipped > 0)
            log?.Invoke($"{path}: skipped {skipped} rows with an empty text or label");
        return rows;
    }

    private static bool IsBlank(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
            if (!row[i].Span.IsWhiteSpace())
                return false;
        return true;
    }

    private static int ColumnIndex(List<string> header, string column, string path)
    {
        var index = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new ThemeDataException($"{path} has no column '{column}' (columns: {string.Join(", ", header)})");
        return index;
    }
}
