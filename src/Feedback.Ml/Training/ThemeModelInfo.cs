namespace Feedback.Ml;

/// <summary>
/// What a model file says about itself. <see cref="Version"/> is the first 12 hex digits of the file's SHA-256,
/// so two services holding the same file agree on it; an unsaved model has none.
/// </summary>
public sealed record ThemeModelInfo(
    string Pipeline, IReadOnlyList<string> Labels, int TrainingRows, DateTimeOffset TrainedAt, string Version = "");
