namespace Feedback.Ml;

/// <summary>
/// N-gram key → feature number, for the scorer's hot loop: open addressing with linear probing in one array of
/// key/feature pairs, sized to a power of two at most half full. A lookup is a multiply, a shift and usually one
/// probe, where a Dictionary&lt;ulong, int&gt; hashes and compares through its comparer (about a quarter of the cost of
/// scoring a comment; figures in docs/model-card.md). Key 0 marks an empty slot: no n-gram key is 0, as no
/// normalised character is U+0000.
/// </summary>
internal sealed class NgramIndex
{
    private readonly (ulong Key, int Feature)[] _slots;
    private readonly int _shift;
    private readonly int _mask;

    public NgramIndex(ulong[] keys)
    {
        var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, keys.Length) * 2.0)));
        _slots = new (ulong, int)[1 << bits];
        _shift = 64 - bits;
        _mask = _slots.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_slots[slot].Key != 0)
                slot = (slot + 1) & _mask;
            _slots[slot] = (keys[i], i);
        }
    }

    public bool TryGetValue(ulong key, out int feature)
    {
        for (var slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            var (stored, value) = _slots[slot];
            if (stored == key)
            {
                feature = value;
                return true;
            }
            if (stored == 0)
            {
                feature = -1;
                return false;
            }
        }
    }

    // Fibonacci hashing: the multiply spreads the packed characters over the high bits the shift keeps.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
