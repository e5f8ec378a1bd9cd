namespace Feedback.Ml;

/// <summary>
/// A featurisation and a trainer, named "featurizer+trainer" (e.g. "char3+sdca"). <see cref="Default"/> won the
/// cross-validated comparison in models/themes.comparison.json; <see cref="Baseline"/> is FeaturizeText's defaults.
/// </summary>
public sealed record ThemePipeline(string Featurizer, string Trainer)
{
    public static IReadOnlyList<string> Featurizers { get; } = ["words", "char2", "char3", "char4", "x-raw3", "x-ng3", "x-ng3tf"];

    public static IReadOnlyList<string> Trainers { get; } = ["sdca", "lbfgs", "ova-svm", "ova-ap"];

    public static ThemePipeline Default { get; } = new("char3", "sdca");

    public static ThemePipeline Baseline { get; } = new("words", Default.Trainer);

    public static IEnumerable<ThemePipeline> All =>
        from f in Featurizers from t in Trainers select new ThemePipeline(f, t);

    public string Name => $"{Featurizer}+{Trainer}";

    public static ThemePipeline Parse(string name)
    {
        var parts = name.Split('+', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Featurizers.Contains(parts[0]) || !Trainers.Contains(parts[1]))
            throw new ThemeDataException(
                $"unknown pipeline '{name}': use FEATURIZER+TRAINER with a featurizer from {string.Join("|", Featurizers)} " +
                $"and a trainer from {string.Join("|", Trainers)}");
        return new ThemePipeline(parts[0], parts[1]);
    }

    public override string ToString() => Name;
}
