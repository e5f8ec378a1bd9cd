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
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
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
        var header = csv.Read() ?? throw new InvalidDataException("The file is empty.");
        var index = MapHeader(header);
        while (csv.Read() is { } fields)
        {
            if (fields is [""])
            {
                continue;
            }
            var errors = new Dictionary<string, string[]>();
            if (csv.Unterminated)
            {
                errors["line"] = ["A quoted field opened in this row is never closed: the rest of the file was read as one field."];
                yield return new ImportRow(csv.LineNumber, null, errors);
                continue;
            }
            if (fields.Count != header.Count)
            {
                errors["line"] = [$"Expected {header.Count} fields, found {fields.Count}."];
                yield return new ImportRow(csv.LineNumber, null, errors);
                continue;
            }
            var request = ToRequest(fields, index, errors);
            yield return new ImportRow(csv.LineNumber, request, errors.Count > 0 ? errors : null);
        }
    }

    private static Dictionary<string, int> MapHeader(List<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!CsvColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"Unknown column '{name}'. Columns: {string.Join(",", CsvColumns)}.");
            }
            index[name] = i;
        }
        foreach (var required in new[] { "channel", "rating", "departmentCode" })
        {
            if (!index.ContainsKey(required))
            {
                throw new InvalidDataException($"The header has no '{required}' column.");
            }
        }
        return index;
    }

    private static EvaluationRequest ToRequest(List<string> f, Dictionary<string, int> index, Dictionary<string, string[]> errors)
    {
        string? Text(string column) => index.TryGetValue(column, out var i) && f[i].Length > 0 ? f[i] : null;
        T? Value<T>(string column) where T : struct, IParsable<T>
        {
            var text = Text(column);
            if (text is null) return null;
            if (T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value)) return value;
            errors[column] = [$"'{text}' is not a valid {typeof(T).Name}."];
            return null;
        }
        var name = Text("raterName");
        var phone = Text("raterPhone");
        var anonymous = Value<bool>("anonymous");
        return new EvaluationRequest(
            Text("caseNumber"), Text("channel"), Value<int>("rating"), ReasonList(Text("reasonCodes"), errors), Text("comment"),
            Text("departmentCode"), Text("windowCode"), Text("staffCode"), Text("serviceItemCode"), Value<int>("assessNumber"),
            anonymous is null && name is null && phone is null ? null : new RaterRequest(anonymous, name, phone),
            Value<DateTimeOffset>("evaluatedAt"), Value<bool>("isDefault"));
    }

    private static List<int>? ReasonList(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        var codes = new List<int>();
        foreach (var part in text.Split([';', '|', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, CultureInfo.InvariantCulture, out var code)) codes.Add(code);
            else errors["reasonCodes"] = [$"'{part}' is not a reason code."];
        }
        return codes;
    }
}
