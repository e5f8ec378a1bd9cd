namespace Feedback.Ml;

/// <summary>
/// A kind of model the project ships: what it is trained on and where its files live. The machinery (featurizer,
/// trainers, native scorer, metrics, cross-validation) is the same for every kind; only the data and labels differ.
/// Paths are relative to the repository root (the working directory of <c>dotnet run</c>).
/// </summary>
public sealed record ModelKind(string Name, string LabelColumn, ThemePipeline Pipeline)
{
    /// <summary>What a comment is about: the 11 complaint themes.</summary>
    public static ModelKind Themes { get; } = new("themes", LabelledCsv.DefaultLabelColumn, ThemePipeline.Default);

    /// <summary>
    /// Whether a comment praises, complains or says nothing either way: character 1-3-grams with negation scopes
    /// ("不慢" is not "慢") and sentiment-lexicon categories (<see cref="SentimentLexicon"/>), which scored best in
    /// cross-validation on the training file and on dev (models/polarity.comparison.json, docs/model-card.md).
    /// </summary>
    public static ModelKind Polarity { get; } = new("polarity", "polarity", new ThemePipeline("char3nl", "lbfgs"));

    public static IReadOnlyList<ModelKind> All { get; } = [Themes, Polarity];

    public string ModelPath => $"models/{Name}.zip";

    public string TrainPath => $"models/{Name}.train.csv";

    public string DevPath => $"models/{Name}.dev.csv";

    public string MetricsPath => $"models/{Name}.metrics.json";

    public static bool TryParse(string? name, out ModelKind kind)
    {
        kind = All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return kind is not null;
    }

    public static ModelKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new ThemeDataException($"unknown model kind '{name}': use {string.Join("|", All.Select(k => k.Name))}");

    public override string ToString() => Name;
}
