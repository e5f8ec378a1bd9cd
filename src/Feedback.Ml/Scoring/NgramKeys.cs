namespace Feedback.Ml;

/// <summary>
/// Every character 1..n-gram of a text framed by start and end markers, each as its UTF-16 units packed into a
/// ulong (16 bits per unit, n ≤ 4). No normalised character is U+0000, so n-grams of different lengths never collide.
/// </summary>
internal ref struct NgramKeys(ReadOnlySpan<char> text, int maxLength)
{
    private const char StartMarker = '\u0002';
    private const char EndMarker = '\u0003';

    private readonly ReadOnlySpan<char> _text = text;
    private int _start;
    private int _length;

    public ulong Current { get; private set; }

    /// <summary>Where the current n-gram starts in the framed text (0 is the start marker, 1 the text's first character).</summary>
    public readonly int Start => _start;

    public readonly int Length => _length;

    public readonly NgramKeys GetEnumerator() => this;

    public bool MoveNext()
    {
        var framed = _text.Length + 2;
        while (_start < framed)
        {
            if (_length < maxLength && _start + _length < framed)
            {
                var position = _start + _length;
                var c = position == 0 ? StartMarker : position == framed - 1 ? EndMarker : _text[position - 1];
                Current = (_length == 0 ? 0 : Current << 16) | c;
                _length++;
                return true;
            }
            _start++;
            _length = 0;
        }
        return false;
    }
}
