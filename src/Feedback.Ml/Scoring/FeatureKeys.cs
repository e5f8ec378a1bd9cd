namespace Feedback.Ml;

/// <summary>
/// The n-gram keys a featurizer looks up: <see cref="NgramKeys"/>, and when <c>scope</c> (one entry per character,
/// see <see cref="NegationScope"/>) is not empty, with <see cref="NegationScope.NegatedFlag"/> on those touching a
/// negated character and an extra copy flagged <see cref="NegationScope.ContrastedFlag"/> of those after a contrast.
/// </summary>
internal ref struct FeatureKeys(ReadOnlySpan<char> text, int maxLength, ReadOnlySpan<byte> scope)
{
    private readonly ReadOnlySpan<byte> _scope = scope;
    private NgramKeys _keys = new(text, maxLength);
    private ulong _pending;

    public ulong Current { get; private set; }

    public readonly FeatureKeys GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_pending != 0)
        {
            (Current, _pending) = (_pending, 0);
            return true;
        }
        if (!_keys.MoveNext())
            return false;
        Current = _keys.Current;
        if (_scope.IsEmpty)
            return true;
        // Framed positions: 0 is the start marker, so character i of the text is at i + 1.
        var first = Math.Max(_keys.Start - 1, 0);
        var last = Math.Min(_keys.Start + _keys.Length - 1, _scope.Length);
        var touched = (byte)0;
        for (var i = first; i < last; i++)
            touched |= _scope[i];
        if ((touched & NegationScope.Negated) != 0)
            Current |= NegationScope.NegatedFlag;
        if ((touched & NegationScope.Contrasted) != 0)
            _pending = Current | NegationScope.ContrastedFlag;
        return true;
    }
}
