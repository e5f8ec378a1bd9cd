using System.Text;

namespace Feedback.Web.Import;

/// <summary>
/// RFC 4180 records from a text reader: quoted fields may hold commas, doubled quotes and line breaks. A record's
/// fields are spans over one string (the line itself when nothing is quoted), so reading a row allocates that string
/// and nothing per field: the import turns short repeated values into shared strings and numbers straight into values.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _unquoted = new();
    private readonly List<Range> _fields = new(16);
    private string _text = "";
    private int _line;

    /// <summary>Line number (1-based) where the last record read starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The last record opened a quoted field that the file never closes: it swallowed the rest of the file.</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Fields in the last record read.</summary>
    public int Count => _fields.Count;

    public ReadOnlySpan<char> this[int field] => _text.AsSpan(_fields[field]);

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public bool Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return false;
        }
        LineNumber = ++_line;
        _fields.Clear();
        if (!line.Contains('"'))
        {
            SplitUnquoted(line);
            return true;
        }
        // Unquote into one buffer, remembering where each field starts in it.
        _unquoted.Clear();
        var start = 0;
        var inQuotes = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"') _unquoted.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { _unquoted.Append('"'); i++; }
                    else inQuotes = false;
                }
                else if (c == ',') { _fields.Add(start.._unquoted.Length); start = _unquoted.Length; }
                else if (c == '"' && _unquoted.Length == start) inQuotes = true;
                else _unquoted.Append(c);
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
            _unquoted.Append('\n');
        }
        _fields.Add(start.._unquoted.Length);
        _text = _unquoted.ToString();
        return true;
    }

    /// <summary>The last record's fields as strings (headers, tests).</summary>
    public List<string> ToList()
    {
        var fields = new List<string>(_fields.Count);
        for (var i = 0; i < _fields.Count; i++)
        {
            fields.Add(this[i].ToString());
        }
        return fields;
    }

    /// <summary>Most lines quote nothing: the fields are the stretches between commas.</summary>
    private void SplitUnquoted(string line)
    {
        _text = line;
        var start = 0;
        for (int comma; (comma = line.IndexOf(',', start)) >= 0; start = comma + 1)
        {
            _fields.Add(start..comma);
        }
        _fields.Add(start..line.Length);
    }
}
