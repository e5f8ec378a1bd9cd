namespace Feedback.Web.Import;

/// <summary>
/// Lines of an import file as spans over one reused buffer, each at most <see cref="MaxLength"/> characters: a longer
/// line is skipped to its end and reported as <see cref="TooLong"/>, so a file that is one 100 MB line (or has no line
/// breaks at all) costs the buffer, not the line. The buffer holds two lines' worth and never grows.
/// </summary>
internal sealed class LineReader(TextReader reader, int maxLength = LineReader.DefaultMaxLength)
{
    /// <summary>64 Ki characters: a rating's fields (a comment is at most 1,000) fit many times over.</summary>
    public const int DefaultMaxLength = 1 << 16;

    /// <summary>
    /// What invalid UTF-8 decodes to (see <see cref="ImportText"/>): U+FFFF is a noncharacter, which no text a person
    /// typed holds, so finding it means the bytes were not UTF-8.
    /// </summary>
    public const char Invalid = '\uFFFF';

    private readonly char[] _buffer = new char[2 * maxLength];
    private int _position, _end;
    private bool _endOfInput;

    public int MaxLength => maxLength;

    public char[] Buffer => _buffer;

    /// <summary>The last line read was longer than <see cref="MaxLength"/>: it was skipped, and its span is empty.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The next line in the buffer, without its terminator (\n, \r\n or \r, as <see cref="TextReader.ReadLine"/>).</summary>
    public bool ReadLine(out int start, out int length)
    {
        TooLong = false;
        while (true)
        {
            var found = _buffer.AsSpan(_position, _end - _position).IndexOfAny('\r', '\n');
            if (found >= 0)
            {
                var at = _position + found;
                if (found > maxLength)
                {
                    TooLong = true;
                }
                else if (_buffer[at] == '\r' && at + 1 == _end && !_endOfInput)
                {
                    // A \r last in the buffer may be half of a \r\n.
                    Fill();
                    continue;
                }
                (start, length) = (_position, found);
                _position = at + 1;
                if (_buffer[at] == '\r' && _position < _end && _buffer[_position] == '\n')
                {
                    _position++;
                }
                if (TooLong)
                {
                    length = 0;
                }
                return true;
            }
            if (_endOfInput)
            {
                (start, length) = (_position, TooLong ? 0 : _end - _position);
                _position = _end;
                return length > 0 || TooLong;
            }
            if (_end - _position > maxLength)
            {
                // Too long: drop what is buffered and keep looking for the line's end.
                TooLong = true;
                _position = _end;
            }
            Fill();
        }
    }

    /// <summary>Moves the unread text to the front of the buffer and reads more.</summary>
    private void Fill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer);
            (_end, _position) = (_end - _position, 0);
        }
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        _endOfInput = read == 0;
        _end += read;
    }
}
