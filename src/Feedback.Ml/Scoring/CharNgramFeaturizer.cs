namespace Feedback.Ml;

/// <summary>
/// Character 1..n-grams of normalised text, TF-IDF weighted and L2-normalised. Built for prediction speed: an
/// n-gram is a packed ulong (<see cref="NgramKeys"/>), so featurising allocates nothing and does one lookup per n-gram.
/// </summary>
internal sealed class CharNgramFeaturizer
{
    public const int MaxSupportedLength = 4;

    private readonly NgramIndex _index;

    public CharNgramFeaturizer(int maxLength, ulong[] keys, float[] idf, bool negation = false)
    {
        if (maxLength is < 1 or > MaxSupportedLength || keys.Length != idf.Length || (negation && maxLength > NegationScope.MaxLength))
            throw new ArgumentException("inconsistent n-gram featurizer");
        MaxLength = maxLength;
        Negation = negation;
        Keys = keys;
        Idf = idf;
        _index = new NgramIndex(keys);
    }

    public int MaxLength { get; }

    /// <summary>N-grams inside a negation's scope are features of their own (see <see cref="NegationScope"/>).</summary>
    public bool Negation { get; }

    public ulong[] Keys { get; }

    public float[] Idf { get; }

    public int FeatureCount => Keys.Length;

    public static CharNgramFeaturizer Fit(IReadOnlyList<string> normalizedTexts, int maxLength, bool negation = false)
    {
        var documentFrequency = new Dictionary<ulong, int>();
        var seen = new HashSet<ulong>();
        foreach (var text in normalizedTexts)
        {
            seen.Clear();
            var negated = negation ? new bool[text.Length] : [];
            if (negation)
                NegationScope.Mark(text, negated);
            foreach (var key in new FeatureKeys(text, maxLength, negated))
                if (seen.Add(key))
                    documentFrequency[key] = documentFrequency.GetValueOrDefault(key) + 1;
        }
        // Sorted keys make the feature order, and so the saved model, independent of hashing order.
        var keys = documentFrequency.Keys.Order().ToArray();
        var documents = normalizedTexts.Count;
        // Smoothed IDF (as scikit-learn's): never zero, so an n-gram in every text still counts a little.
        var idf = keys.Select(k => (float)(Math.Log((1.0 + documents) / (1.0 + documentFrequency[k])) + 1.0)).ToArray();
        return new CharNgramFeaturizer(maxLength, keys, idf, negation);
    }

    /// <summary>Puts the text's L2-normalised TF-IDF vector into <paramref name="workspace"/>; unseen n-grams are ignored.</summary>
    public void Featurize(ReadOnlySpan<char> normalizedText, FeatureWorkspace workspace)
    {
        workspace.Clear();
        Span<bool> negated = Negation ? normalizedText.Length <= 512 ? stackalloc bool[normalizedText.Length] : new bool[normalizedText.Length] : [];
        if (Negation)
            NegationScope.Mark(normalizedText, negated);
        foreach (var key in new FeatureKeys(normalizedText, MaxLength, negated))
            if (_index.TryGetValue(key, out var feature))
                workspace.Add(feature, Idf[feature]);
        workspace.NormalizeL2();
    }
}
