using System.Text;

namespace Feedback.Web.Import;

/// <summary>RFC 4180 records from a text reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line;

    /// <summary>Line number (1-based) where the last record returned starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The last record opened a quoted field that the file never closes: it swallowed the rest of the file.</summary>
    public bool Unterminated { get; private set; }

    public List<string>? Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }
        LineNumber = ++_line;
        if (!line.Contains('"'))
        {
            return SplitUnquoted(line);
        }
        var fields = new List<string>(16);
        var inQuotes = false;
        _field.Clear();
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"') _field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { _field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else if (c == ',') { fields.Add(_field.ToString()); _field.Clear(); }
                else if (c == '"' && _field.Length == 0) inQuotes = true;
                else _field.Append(c);
            }
            if (!inQuotes)
            {
                break;
            }
            if ((line = reader.ReadLine()) is null)
            {
                Unterminated = true;
                break;
            }
            // A quoted field continues on the next line.
            _line++;
            _field.Append('\n');
        }
        fields.Add(_field.ToString());
        return fields;
    }

    /// <summary>Most lines quote nothing: cut them at the commas instead of copying them a character at a time.</summary>
    private static List<string> SplitUnquoted(string line)
    {
        var fields = new List<string>(16);
        var start = 0;
        for (int comma; (comma = line.IndexOf(',', start)) >= 0; start = comma + 1)
        {
            fields.Add(line[start..comma]);
        }
        fields.Add(line[start..]);
        return fields;
    }
}
