namespace Feedback.Ml;

/// <summary>
/// Character 1..n-grams of normalised text, TF-IDF weighted and L2-normalised, optionally with negation scopes and
/// sentiment-lexicon categories. Built for prediction speed: an n-gram is a packed ulong (<see cref="NgramKeys"/>), so
/// featurising allocates nothing and does one lookup per n-gram; a lexicon word is an n-gram of the same index.
/// </summary>
internal sealed class CharNgramFeaturizer
{
    public const int MaxSupportedLength = 4;

    private readonly NgramIndex _index;
    private readonly int[] _categoryFeature = [];

    public CharNgramFeaturizer(int maxLength, ulong[] keys, float[] idf, bool negation = false, sbyte[]? lexicon = null, float lexiconScale = 0)
    {
        if (maxLength is < 1 or > MaxSupportedLength || keys.Length != idf.Length || (negation && maxLength > NegationScope.MaxLength)
            || (lexicon is not null && (!negation || lexicon.Length != keys.Length)))
            throw new ArgumentException("inconsistent n-gram featurizer");
        MaxLength = maxLength;
        Negation = negation;
        Keys = keys;
        Idf = idf;
        Lexicon = lexicon;
        LexiconScale = lexiconScale;
        _index = new NgramIndex(keys);
        if (lexicon is not null)
            _categoryFeature = [.. Enumerable.Range(0, SentimentLexicon.CategoryCount).Select(c =>
                _index.TryGetValue(SentimentLexicon.CategoryKey(c), out var f) ? f : throw new ArgumentException("lexicon category missing"))];
    }

    public int MaxLength { get; }

    /// <summary>N-grams inside a negation's scope are features of their own (see <see cref="NegationScope"/>).</summary>
    public bool Negation { get; }

    public ulong[] Keys { get; }

    public float[] Idf { get; }

    public int FeatureCount => Keys.Length;

    /// <summary>
    /// For each feature, the kind of lexicon word it is (<see cref="SentimentLexicon"/>: 0-3) or -1; null without
    /// lexicon features. Lexicon words never seen in training are features with IDF 0: found, counted, not weighted.
    /// </summary>
    public sbyte[]? Lexicon { get; }

    /// <summary>The value of a lexicon category found once, added after the n-grams' L2 norm so long texts do not dilute it.</summary>
    public float LexiconScale { get; }

    public static CharNgramFeaturizer Fit(IReadOnlyList<string> normalizedTexts, int maxLength, bool negation = false, float lexiconScale = 0)
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
        var lexicon = lexiconScale > 0;
        if (lexicon)
        {
            foreach (var key in SentimentLexicon.Keys.Keys)
                documentFrequency.TryAdd(key, 0);
            for (var c = 0; c < SentimentLexicon.CategoryCount; c++)
                documentFrequency.TryAdd(SentimentLexicon.CategoryKey(c), 0);
        }
        // Sorted keys make the feature order, and so the saved model, independent of hashing order.
        var keys = documentFrequency.Keys.Order().ToArray();
        var documents = normalizedTexts.Count;
        // Smoothed IDF (as scikit-learn's): never zero, so an n-gram in every text still counts a little. Keys that are
        // only there for the lexicon (no training text has them) get 0.
        var idf = keys.Select(k => documentFrequency[k] == 0 ? 0f : (float)(Math.Log((1.0 + documents) / (1.0 + documentFrequency[k])) + 1.0)).ToArray();
        sbyte[]? kinds = lexicon ? [.. keys.Select(k => SentimentLexicon.Keys.TryGetValue(k, out var kind) ? kind : (sbyte)-1)] : null;
        return new CharNgramFeaturizer(maxLength, keys, idf, negation, kinds, lexiconScale);
    }

    /// <summary>Puts the text's L2-normalised TF-IDF vector into <paramref name="workspace"/>; unseen n-grams are ignored.</summary>
    public void Featurize(ReadOnlySpan<char> normalizedText, FeatureWorkspace workspace)
    {
        workspace.Clear();
        Span<bool> negated = Negation ? normalizedText.Length <= 512 ? stackalloc bool[normalizedText.Length] : new bool[normalizedText.Length] : [];
        if (Negation)
            NegationScope.Mark(normalizedText, negated);
        if (Lexicon is not { } lexicon)
        {
            foreach (var key in new FeatureKeys(normalizedText, MaxLength, negated))
                if (_index.TryGetValue(key, out var feature))
                    workspace.Add(feature, Idf[feature]);
            workspace.NormalizeL2();
            return;
        }
        Span<byte> counts = stackalloc byte[SentimentLexicon.CategoryCount];
        var contrast = ContrastScope.Start(normalizedText);
        var keys = new FeatureKeys(normalizedText, MaxLength, negated);
        while (keys.MoveNext())
        {
            if (!_index.TryGetValue(keys.Current, out var feature))
                continue;
            if (Idf[feature] != 0)
                workspace.Add(feature, Idf[feature]);
            if (lexicon[feature] >= 0)
            {
                ref var count = ref counts[SentimentLexicon.Category(lexicon[feature], SentimentLexicon.Position(keys.Start, contrast))];
                if (count < byte.MaxValue)
                    count++;
            }
        }
        workspace.NormalizeL2();
        if (Sum(counts, SentimentLexicon.Praise) + Sum(counts, SentimentLexicon.NegatedComplaint) > 0
            && Sum(counts, SentimentLexicon.Complaint) + Sum(counts, SentimentLexicon.NegatedPraise) > 0)
            counts[SentimentLexicon.Mixed] = 1;
        for (var c = 0; c < counts.Length; c++)
            if (counts[c] > 0)
                workspace.Add(_categoryFeature[c], LexiconScale * (1 + MathF.Log(counts[c])));
    }

    private static int Sum(ReadOnlySpan<byte> counts, int kind) => counts[kind * 3] + counts[kind * 3 + 1] + counts[kind * 3 + 2];
}
