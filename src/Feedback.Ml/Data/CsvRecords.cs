using System.Text;

namespace Feedback.Ml;

/// <summary>RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks.</summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else if (ch == '"') quoted = false;
                else { if (ch == '\n') line++; field.Append(ch); }
                continue;
            }
            if (ch == '"' && field.Length == 0) { quoted = true; fieldStarted = true; }
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); fieldStarted = true; }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    yield return (recordLine, Complete(fields, field));
                fields = []; fieldStarted = false; line++; recordLine = line;
            }
            else { field.Append(ch); fieldStarted = true; }
        }
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
            yield return (recordLine, Complete(fields, field));
    }

    private static List<string> Complete(List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
        return fields;
    }
}
