using System.Text;

namespace Feedback.Web.Import;

/// <summary>
/// RFC 4180 records from a text reader: quoted fields may hold commas, doubled quotes and line breaks. A record's
/// fields are spans over the reader's own buffer (or over the unquoted text of a record that quotes), valid until the
/// next <see cref="Read"/>: reading a row allocates nothing.
/// Sep is used for every other CSV; the import keeps this reader because it reads a quote inside an unquoted field as
/// text, as Excel does, where Sep would open a quoted section there and swallow every later row of a hand-typed file.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _unquoted = new();
    private readonly List<Range> _fields = new(16);
    private char[] _buffer = new char[1 << 16];
    private int _position, _end;
    private bool _endOfInput;
    private char[] _quoted = new char[256];
    private char[] _record = [];
    private int _recordStart;
    private int _line;

    /// <summary>Line number (1-based) where the last record read starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The last record opened a quoted field that the file never closes: it swallowed the rest of the file.</summary>
    public bool Unterminated { get; private set; }

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
        if (!ReadLine(out var start, out var length))
        {
            return false;
        }
        LineNumber = ++_line;
        _fields.Clear();
        var line = _buffer.AsSpan(start, length);
        if (!line.Contains('"'))
        {
            (_record, _recordStart) = (_buffer, start);
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
            if (!ReadLine(out start, out length))
            {
                Unterminated = true;
                break;
            }
            // A quoted field continues on the next line.
            line = _buffer.AsSpan(start, length);
            _line++;
            _unquoted.Append('\n');
        }
        _fields.Add(fieldStart.._unquoted.Length);
        if (_quoted.Length < _unquoted.Length)
        {
            _quoted = new char[_unquoted.Length * 2];
        }
        _unquoted.CopyTo(0, _quoted, _unquoted.Length);
        (_record, _recordStart) = (_quoted, 0);
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

    /// <summary>The next line in the buffer, without its terminator (\n, \r\n or \r, as <see cref="TextReader.ReadLine"/>).</summary>
    private bool ReadLine(out int start, out int length)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_position, _end - _position).IndexOfAny('\r', '\n');
            if (found >= 0)
            {
                var at = _position + found;
                // A \r last in the buffer may be half of a \r\n.
                if (_buffer[at] == '\r' && at + 1 == _end && !_endOfInput)
                {
                    Fill();
                    continue;
                }
                (start, length) = (_position, found);
                _position = at + 1;
                if (_buffer[at] == '\r' && _position < _end && _buffer[_position] == '\n')
                {
                    _position++;
                }
                return true;
            }
            if (_endOfInput)
            {
                (start, length) = (_position, _end - _position);
                _position = _end;
                return length > 0;
            }
            Fill();
        }
    }

    /// <summary>Moves the unread text to the front of the buffer (growing it for a very long line) and reads more.</summary>
    private void Fill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer);
            (_end, _position) = (_end - _position, 0);
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        _endOfInput = read == 0;
        _end += read;
    }
}
