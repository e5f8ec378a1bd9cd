using System.Text;

namespace Feedback.Web.Import;

/// <summary>
/// RFC 4180 records from a text reader: quoted fields may hold commas, doubled quotes and line breaks. A record's
/// fields are spans over the reader's own buffer (or over the unquoted text of a record that quotes), valid until the
/// next <see cref="Read"/>: reading a row allocates nothing.
/// Sep is used for every other CSV; the import keeps this reader because it reads a quote inside an unquoted field as
/// text, as Excel does, where Sep would open a quoted section there and swallow every later row of a hand-typed file.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, int maxLength = LineReader.DefaultMaxLength)
{
    private readonly LineReader _lines = new(reader, maxLength);
    private readonly StringBuilder _unquoted = new();
    private readonly List<Range> _fields = new(16);
    private char[] _quoted = new char[256];
    private char[] _record = [];
    private int _recordStart;
    private int _line;

    /// <summary>Line number (1-based) where the last record read starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The last record opened a quoted field that the file never closes: it swallowed the rest of the file.</summary>
    public bool Unterminated { get; private set; }

    /// <summary>
    /// The last record was longer than the limit (a line, or a quoted field's lines together): it has no fields, and
    /// reading goes on at the next line.
    /// </summary>
    public bool TooLong { get; private set; }

    /// <summary>The last record holds bytes that were not UTF-8 (see <see cref="ImportText"/>).</summary>
    public bool NotUtf8 { get; private set; }

    public int MaxLength => _lines.MaxLength;

    /// <summary>Fields in the last record read.</summary>
    public int Count => _fields.Count;

    public ReadOnlySpan<char> this[int field]
    {
        get
        {
            var (offset, length) = _fields[field].GetOffsetAndLength(int.MaxValue);
            return _record.AsSpan(_recordStart + offset, length);
        }
    }

    /// <summary>Reads the next record; false at the end of the input.</summary>
    public bool Read()
    {
        if (!_lines.ReadLine(out var start, out var length))
        {
            return false;
        }
        LineNumber = ++_line;
        _fields.Clear();
        (TooLong, NotUtf8) = (_lines.TooLong, false);
        if (TooLong)
        {
            return true;
        }
        var line = _lines.Buffer.AsSpan(start, length);
        if (!line.Contains('"'))
        {
            (_record, _recordStart) = (_lines.Buffer, start);
            NotUtf8 = line.Contains(LineReader.Invalid);
            SplitUnquoted(line);
            return true;
        }
        // Unquote into one buffer, remembering where each field starts in it.
        _unquoted.Clear();
        var fieldStart = 0;
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
                else if (c == ',') { _fields.Add(fieldStart.._unquoted.Length); fieldStart = _unquoted.Length; }
                else if (c == '"' && _unquoted.Length == fieldStart) inQuotes = true;
                else _unquoted.Append(c);
            }
            if (!inQuotes)
            {
                break;
            }
            if (!_lines.ReadLine(out start, out length))
            {
                Unterminated = true;
                break;
            }
            // A quoted field continues on the next line.
            _line++;
            if (_lines.TooLong || _unquoted.Length + length > MaxLength)
            {
                _fields.Clear();
                TooLong = true;
                return true;
            }
            line = _lines.Buffer.AsSpan(start, length);
            _unquoted.Append('\n');
        }
        _fields.Add(fieldStart.._unquoted.Length);
        if (_quoted.Length < _unquoted.Length)
        {
            _quoted = new char[_unquoted.Length * 2];
        }
        _unquoted.CopyTo(0, _quoted, _unquoted.Length);
        (_record, _recordStart) = (_quoted, 0);
        NotUtf8 = _quoted.AsSpan(0, _unquoted.Length).Contains(LineReader.Invalid);
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
    private void SplitUnquoted(ReadOnlySpan<char> line)
    {
        var start = 0;
        for (int comma; (comma = line[start..].IndexOf(',')) >= 0; start += comma + 1)
        {
            _fields.Add(start..(start + comma));
        }
        _fields.Add(start..line.Length);
    }
}
