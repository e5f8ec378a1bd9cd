using System.Globalization;
using System.Text.Json;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Import;

/// <summary>A row of an import file: the request it describes, or why it could not be read.</summary>
public sealed record ImportRow(int LineNumber, EvaluationRequest? Request, Dictionary<string, string[]>? Errors);

/// <summary>
/// Reads ratings from CSV (header with the API's field names; reason codes separated by ';') or NDJSON
/// (one API request object per line).
/// </summary>
public static class EvaluationFileReader
{
    public static readonly string[] CsvColumns =
    [
        "caseNumber", "channel", "rating", "reasonCodes", "comment", "departmentCode", "windowCode", "staffCode",
        "serviceItemCode", "assessNumber", "anonymous", "raterName", "raterPhone", "evaluatedAt", "isDefault",
    ];

    public static IEnumerable<ImportRow> Read(string path, TextReader text) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(text),
            ".ndjson" or ".jsonl" => ReadNdjson(text),
            var other => throw new InvalidDataException($"Unsupported file type '{other}': use .csv or .ndjson."),
        };

    private static IEnumerable<ImportRow> ReadNdjson(TextReader text)
    {
        // As the API reads a body: a field named twice is an error, not "the last one wins".
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };
        var lines = new LineReader(text);
        var lineNumber = 0;
        while (lines.ReadLine(out var start, out var length))
        {
            lineNumber++;
            if (lines.TooLong)
            {
                yield return TooLong(lineNumber, lines.MaxLength);
                continue;
            }
            var line = lines.Buffer.AsSpan(start, length).TrimStart('\uFEFF');
            if (line.IsWhiteSpace())
            {
                continue;
            }
            if (line.Contains(LineReader.Invalid))
            {
                yield return NotUtf8(lineNumber);
                continue;
            }
            EvaluationRequest? request = null;
            string? error = null;
            try
            {
                request = JsonSerializer.Deserialize<EvaluationRequest>(line, options);
            }
            catch (JsonException ex)
            {
                error = ex.Message.Split(" Path:")[0];
            }
            yield return request is not null
                ? new ImportRow(lineNumber, request, null)
                : new ImportRow(lineNumber, null, new() { ["line"] = [error ?? "Not a JSON object."] });
        }
    }

    private static IEnumerable<ImportRow> ReadCsv(TextReader text)
    {
        var csv = new CsvRecordReader(text);
        if (!csv.Read())
        {
            throw new InvalidDataException("The file is empty.");
        }
        if (csv.TooLong || csv.NotUtf8)
        {
            throw new InvalidDataException(csv.TooLong
                ? $"The first line is longer than {csv.MaxLength:N0} characters: it should be the header ({string.Join(",", CsvColumns)})."
                : "The header is not valid UTF-8: save the file as UTF-8 (Excel: CSV UTF-8).");
        }
        var at = MapHeader(csv.ToList());
        var columns = csv.Count;
        var shared = new SharedStrings();
        while (csv.Read())
        {
            if (csv.Count == 1 && csv[0].IsEmpty)
            {
                continue;
            }
            if (csv.TooLong)
            {
                yield return TooLong(csv.LineNumber, csv.MaxLength);
                continue;
            }
            if (csv.NotUtf8)
            {
                yield return NotUtf8(csv.LineNumber);
                continue;
            }
            if (csv.Unterminated)
            {
                yield return Unreadable(csv.LineNumber, "A quoted field opened in this row is never closed: the rest of the file was read as one field.");
                continue;
            }
            if (csv.Count != columns)
            {
                yield return Unreadable(csv.LineNumber, $"Expected {columns} fields, found {csv.Count}.");
                continue;
            }
            Dictionary<string, string[]>? errors = null;
            var request = ToRequest(csv, at, shared, ref errors);
            yield return new ImportRow(csv.LineNumber, request, errors);
        }
    }

    private static ImportRow Unreadable(int lineNumber, string error) => new(lineNumber, null, new() { ["line"] = [error] });

    private static ImportRow TooLong(int lineNumber, int maxLength) =>
        Unreadable(lineNumber, $"The row is longer than {maxLength:N0} characters; it was skipped.");

    private static ImportRow NotUtf8(int lineNumber) =>
        Unreadable(lineNumber, "The row is not valid UTF-8: save the file as UTF-8 (Excel: CSV UTF-8).");

    /// <summary>Where each of <see cref="CsvColumns"/> is in the file (-1: absent), so rows are read by position.</summary>
    private static int[] MapHeader(List<string> header)
    {
        var at = Enumerable.Repeat(-1, CsvColumns.Length).ToArray();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var column = Array.FindIndex(CsvColumns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (column < 0)
            {
                throw new InvalidDataException($"Unknown column '{Shorten(name)}'. Columns: {string.Join(",", CsvColumns)}.");
            }
            at[column] = i;
        }
        foreach (var required in new[] { Column.Channel, Column.Rating, Column.DepartmentCode })
        {
            if (at[(int)required] < 0)
            {
                throw new InvalidDataException($"The header has no '{CsvColumns[(int)required]}' column.");
            }
        }
        return at;
    }

    /// <summary>A header cell as a message may quote it: a file without a header would otherwise echo a whole row.</summary>
    private static string Shorten(string name) => name.Length <= 40 ? name : string.Concat(name.AsSpan(0, 40), "…");

    /// <summary>The positions of <see cref="CsvColumns"/>.</summary>
    private enum Column
    {
        CaseNumber, Channel, Rating, ReasonCodes, Comment, DepartmentCode, WindowCode, StaffCode, ServiceItemCode, AssessNumber,
        Anonymous, RaterName, RaterPhone, EvaluatedAt, IsDefault,
    }

    private static EvaluationRequest ToRequest(CsvRecordReader csv, int[] at, SharedStrings shared, ref Dictionary<string, string[]>? errors)
    {
        // Most rows have no error: the dictionary is made by the first one.
        var found = errors;
        ReadOnlySpan<char> Field(Column column) => at[(int)column] is >= 0 and var i ? csv[i] : [];
        string? Text(Column column) => Field(column) is { IsEmpty: false } text ? text.ToString() : null;
        // Codes and channels repeat on every row: one string each for the whole file.
        string? Code(Column column) => Field(column) is { IsEmpty: false } text ? shared.Get(text) : null;
        T? Value<T>(Column column) where T : struct, ISpanParsable<T>
        {
            var text = Field(column);
            if (text.IsEmpty) return null;
            if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value)) return value;
            (found ??= [])[CsvColumns[(int)column]] = [$"'{text}' is not a valid {typeof(T).Name}."];
            return null;
        }
        var name = Text(Column.RaterName);
        var phone = Text(Column.RaterPhone);
        var anonymous = Value<bool>(Column.Anonymous);
        var request = new EvaluationRequest(
            Text(Column.CaseNumber), Code(Column.Channel), Value<int>(Column.Rating), ReasonList(Field(Column.ReasonCodes), ref found),
            Text(Column.Comment), Code(Column.DepartmentCode), Code(Column.WindowCode), Code(Column.StaffCode), Code(Column.ServiceItemCode),
            Value<int>(Column.AssessNumber), anonymous is null && name is null && phone is null ? null : new RaterRequest(anonymous, name, phone),
            Value<DateTimeOffset>(Column.EvaluatedAt), Value<bool>(Column.IsDefault));
        errors = found;
        return request;
    }

    private static List<int>? ReasonList(ReadOnlySpan<char> text, ref Dictionary<string, string[]>? errors)
    {
        if (text.IsEmpty)
        {
            return null;
        }
        var codes = new List<int>();
        foreach (var range in text.SplitAny(";| "))
        {
            var part = text[range];
            if (part.IsEmpty) continue;
            if (int.TryParse(part, CultureInfo.InvariantCulture, out var code)) codes.Add(code);
            else (errors ??= [])["reasonCodes"] = [$"'{part}' is not a reason code."];
        }
        return codes;
    }

    /// <summary>One string per distinct short value, up to a bound, so that free text cannot grow it without end.</summary>
    private sealed class SharedStrings
    {
        private const int Capacity = 10_000;
        private readonly HashSet<string> _strings = [];
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public SharedStrings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> value)
        {
            if (_lookup.TryGetValue(value, out var shared))
            {
                return shared;
            }
            var text = value.ToString();
            if (_strings.Count < Capacity)
            {
                _strings.Add(text);
            }
            return text;
        }
    }
}
