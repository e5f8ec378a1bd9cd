namespace Feedback.Ml;

/// <summary>
/// Scratch space for one text's sparse features: a dense accumulator plus the list of touched slots, so adding
/// a feature and clearing are O(active features). Not thread-safe; pooled with its session.
/// </summary>
internal sealed class FeatureWorkspace(int featureCount)
{
    private readonly float[] _values = new float[featureCount];
    private int[] _active = new int[64];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Active => _active.AsSpan(0, Count);

    public float this[int feature] => _values[feature];

    public void Add(int feature, float weight)
    {
        if (_values[feature] == 0)
        {
            if (Count == _active.Length)
                Array.Resize(ref _active, Count * 2);
            _active[Count++] = feature;
        }
        _values[feature] += weight;
    }

    public void NormalizeL2()
    {
        var sum = 0.0;
        foreach (var f in Active)
            sum += _values[f] * _values[f];
        if (sum == 0)
            return;
        var scale = (float)(1 / Math.Sqrt(sum));
        foreach (var f in Active)
            _values[f] *= scale;
    }

    public void Clear()
    {
        foreach (var f in Active)
            _values[f] = 0;
        Count = 0;
    }
}
