namespace Feedback.Ml;

/// <summary>
/// Character 1..n-grams of normalised text, TF-IDF weighted and L2-normalised. Written for speed at prediction
/// time: an n-gram is its UTF-16 units packed into one ulong (no substrings), looked up in one dictionary.
/// </summary>
internal sealed class CharNgramFeaturizer
{
    // Text boundaries take part in n-grams, so "开头" and "结尾" patterns differ from the same characters mid-text.
    private const char Start = '\u0002';
    private const char End = '\u0003';

    private readonly Dictionary<ulong, int> _index;

    private CharNgramFeaturizer(int maxLength, ulong[] keys, float[] idf)
    {
        MaxLength = maxLength;
        Keys = keys;
        Idf = idf;
        _index = new Dictionary<ulong, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
            _index[keys[i]] = i;
    }

    public int MaxLength { get; }

    public ulong[] Keys { get; }

    public float[] Idf { get; }

    public int FeatureCount => Keys.Length;

    public static CharNgramFeaturizer Fit(IReadOnlyList<string> normalizedTexts, int maxLength)
    {
        var documentFrequency = new Dictionary<ulong, int>();
        var seen = new HashSet<ulong>();
        foreach (var text in normalizedTexts)
        {
            seen.Clear();
            ForEachNgram(text, maxLength, seen, static (set, key) => set.Add(key));
            foreach (var key in seen)
                documentFrequency[key] = documentFrequency.GetValueOrDefault(key) + 1;
        }
        // Sorted keys make the feature order, and so the saved model, independent of hashing order.
        var keys = documentFrequency.Keys.Order().ToArray();
        var documents = normalizedTexts.Count;
        var idf = keys.Select(k => (float)(Math.Log((1.0 + documents) / (1.0 + documentFrequency[k])) + 1.0)).ToArray();
        return new CharNgramFeaturizer(maxLength, keys, idf);
    }

    public static CharNgramFeaturizer Create(int maxLength, ulong[] keys, float[] idf) => new(maxLength, keys, idf);

    /// <summary>Adds the text's TF-IDF features into <paramref name="workspace"/> and L2-normalises them.</summary>
    public void Featurize(string normalizedText, FeatureWorkspace workspace)
    {
        workspace.Clear();
        ForEachNgram(normalizedText, MaxLength, (this, workspace), static (state, key) =>
        {
            if (state.Item1._index.TryGetValue(key, out var feature))
                state.workspace.Add(feature, state.Item1.Idf[feature]);
        });
        workspace.NormalizeL2();
    }

    private static void ForEachNgram<TState>(string text, int maxLength, TState state, Action<TState, ulong> visit)
    {
        var length = text.Length + 2;
        for (var start = 0; start < length; start++)
        {
            ulong key = 0;
            for (var n = 0; n < maxLength && start + n < length; n++)
            {
                var position = start + n;
                var c = position == 0 ? Start : position == length - 1 ? End : text[position - 1];
                // No normalised character is U+0000, so shorter n-grams never collide with longer ones.
                key = (key << 16) | c;
                visit(state, key);
            }
        }
    }
}
