using System.Text;

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
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var records = CsvRecords.Read(reader, separator).GetEnumerator();
        if (!records.MoveNext())
            throw new ThemeDataException($"{path} is empty: expected a header row with columns '{textColumn}' and '{labelColumn}'");

        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        var textIndex = ColumnIndex(header, textColumn, path);
        var labelIndex = ColumnIndex(header, labelColumn, path);
        var rows = new List<(string, string)>();
        var skipped = 0;
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
                continue;
            if (fields.Count <= Math.Max(textIndex, labelIndex))
                throw new ThemeDataException($"{path}:{line}: expected {header.Count} columns, found {fields.Count}");
            var text = fields[textIndex].Trim();
            var label = fields[labelIndex].Trim();
            if (text.Length == 0 || label.Length == 0) { skipped++; continue; }
            rows.Add((text, label));
        }
        if (skipped > 0)
            log?.Invoke($"{path}: skipped {skipped} rows with an empty text or label");
        return rows;
    }

    private static int ColumnIndex(List<string> header, string column, string path)
    {
        var index = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new ThemeDataException($"{path} has no column '{column}' (columns: {string.Join(", ", header)})");
        return index;
    }
}
