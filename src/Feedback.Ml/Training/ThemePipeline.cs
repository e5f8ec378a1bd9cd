namespace Feedback.Ml;

/// <summary>
/// A featurisation and a trainer, named "featurizer+trainer" (e.g. "char3+sdca"). Featurizers: "words" is
/// FeaturizeText's defaults (the baseline), "ml-char3" FeaturizeText's character 1-3-grams, "charN" our own
/// character 1..N-grams (same idea, compiled for speed), "charNn" the same with negation scopes (see NegationScope),
/// "charNnl" with sentiment-lexicon categories as well (see SentimentLexicon).
/// <see cref="Default"/> won the cross-validated comparison for themes recorded in models/themes.comparison.json;
/// the polarity model's pipeline is <see cref="ModelKind.Polarity"/>'s.
/// </summary>
public sealed record ThemePipeline(string Featurizer, string Trainer)
{
    public static IReadOnlyList<string> Featurizers { get; } = ["words", "ml-char3", "char2", "char3", "char4", "char2n", "char3n", "char2nl", "char3nl"];

    public static IReadOnlyList<string> Trainers { get; } = ["sdca", "lbfgs"];

    public static ThemePipeline Default { get; } = new("char2", "lbfgs");

    public static ThemePipeline Baseline { get; } = new("words", Default.Trainer);

    public static IEnumerable<ThemePipeline> All =>
        from f in Featurizers from t in Trainers select new ThemePipeline(f, t);

    public string Name => $"{Featurizer}+{Trainer}";

    /// <summary>True for FeaturizeText pipelines, which run end to end in ML.NET; false for our char n-grams.</summary>
    internal bool IsMlNet => Featurizer is "words" or "ml-char3";

    public static ThemePipeline Parse(string name)
    {
        var parts = name.Split('+', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Featurizers.Contains(parts[0]) || !TrainerFactory.IsKnown(parts[1]))
            throw new ThemeDataException(
                $"unknown pipeline '{name}': use FEATURIZER+TRAINER with a featurizer from {string.Join("|", Featurizers)} " +
                $"and a trainer from {string.Join("|", Trainers)} (lbfgs:L2 sets the L2 weight)");
        return new ThemePipeline(parts[0], parts[1]);
    }

    public override string ToString() => Name;
}
