using System.Reflection;

namespace Feedback.Ml;

/// <summary>
/// A hand-written list of Chinese praise and complaint words (polarity-lexicon.txt, embedded), for the "l" featurizers:
/// besides its own n-gram, a lexicon word found in a comment counts towards one of <see cref="CategoryCount"/> shared
/// features: praise word or complaint word, plain or negated (不耐心, 没"高效", where <see cref="NegationScope"/> marks it),
/// in a text without a contrast word, before one, or after one (<see cref="ContrastScope"/>). Shared features let the
/// model carry what it learned from words it saw to lexicon words it did not see in training. Words longer than the
/// featurizer's n-grams are matched on their first <see cref="NegationScope.MaxLength"/> characters. A word that
/// starts with a negation (不错, 没毛病, 不用跑) is matched as written, so its own negation does not turn it over.
/// </summary>
internal static class SentimentLexicon
{
    public const int Praise = 0;
    public const int Complaint = 1;
    public const int NegatedPraise = 2;
    public const int NegatedComplaint = 3;

    /// <summary>Four kinds of word × three places (no contrast word, before one, after one), and <see cref="Mixed"/>.</summary>
    public const int CategoryCount = 13;

    /// <summary>The text has words of both sides (a praise word or negated complaint word, and a complaint word or negated praise word).</summary>
    public const int Mixed = 12;

    private const string Resource = "Feedback.Ml.Scoring.polarity-lexicon.txt";

    private static readonly Lazy<Dictionary<ulong, sbyte>> Loaded = new(() => Parse(ReadResource()));

    /// <summary>N-gram key (with <see cref="NegationScope.Flag"/> for the negated form) → kind of word (0-3).</summary>
    public static IReadOnlyDictionary<ulong, sbyte> Keys => Loaded.Value;

    /// <summary>The feature key of a category: U+0001 and a control character, which no normalised text holds.</summary>
    public static ulong CategoryKey(int category) => (1UL << 16) | (ulong)(category + 1);

    public static int Category(int kind, int position) => kind * 3 + position;

    /// <summary>0: the text has no contrast word; 1: before it; 2: after it.</summary>
    public static int Position(int characterIndex, int contrastStart) =>
        contrastStart < 0 ? 0 : characterIndex >= contrastStart ? 2 : 1;

    internal static Dictionary<ulong, sbyte> Parse(string text)
    {
        var keys = new Dictionary<ulong, sbyte>();
        var ambiguous = new HashSet<ulong>();
        int? kind = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
                continue;
            if (line is "[praise]" or "[complaint]")
            {
                kind = line == "[praise]" ? Praise : Complaint;
                continue;
            }
            if (kind is not { } k)
                throw new InvalidDataException("polarity lexicon: a word before [praise] or [complaint]");
            foreach (var word in line.Split([' ', '\t', '，', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var normalized = TextNormalizer.Normalize(word);
                if (normalized.Length < 2)
                    continue;
                var key = Pack(normalized.AsSpan(0, Math.Min(normalized.Length, NegationScope.MaxLength)));
                var selfNegated = IsNegation(normalized);
                Add(keys, ambiguous, key, k);
                Add(keys, ambiguous, key | NegationScope.Flag, selfNegated ? k : k + 2);
            }
        }
        return keys;
    }

    private static void Add(Dictionary<ulong, sbyte> keys, HashSet<ulong> ambiguous, ulong key, int kind)
    {
        if (ambiguous.Contains(key))
            return;
        if (keys.TryGetValue(key, out var existing) && existing != kind)
        {
            // The same characters listed on both sides (or two long words sharing a prefix): trust neither.
            keys.Remove(key);
            ambiguous.Add(key);
            return;
        }
        keys[key] = (sbyte)kind;
    }

    private static bool IsNegation(string word)
    {
        var marks = new bool[word.Length];
        NegationScope.Mark(word, marks);
        return marks.Skip(1).Any(m => m);
    }

    private static ulong Pack(ReadOnlySpan<char> chars)
    {
        var key = 0UL;
        foreach (var c in chars)
            key = (key << 16) | c;
        return key;
    }

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
