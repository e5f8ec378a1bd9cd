namespace Feedback.Ml;

/// <summary>
/// The n-gram keys a featurizer looks up: <see cref="NgramKeys"/>, with <see cref="NegationScope.Flag"/> set on those
/// touching a negated character when <c>negated</c> (one entry per character of the text) is not empty.
/// </summary>
internal ref struct FeatureKeys(ReadOnlySpan<char> text, int maxLength, ReadOnlySpan<bool> negated)
{
    private readonly ReadOnlySpan<bool> _negated = negated;
    private NgramKeys _keys = new(text, maxLength);

    public ulong Current { get; private set; }

    /// <summary>Where the current n-gram starts in the text (-1 for one that starts with the start marker).</summary>
    public readonly int Start => _keys.Start - 1;

    public readonly FeatureKeys GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!_keys.MoveNext())
            return false;
        Current = _keys.Current;
        if (_negated.IsEmpty)
            return true;
        // Framed positions: 0 is the start marker, so character i of the text is at i + 1.
        var first = Math.Max(_keys.Start - 1, 0);
        var last = Math.Min(_keys.Start + _keys.Length - 1, _negated.Length);
        if (first < last && _negated[first..last].Contains(true))
            Current |= NegationScope.Flag;
        return true;
    }
}
