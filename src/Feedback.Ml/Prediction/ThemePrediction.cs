namespace Feedback.Ml;

/// <summary>The predicted theme, its score and the three best themes; <see cref="ModelVersion"/> names the model that made it.</summary>
public sealed record ThemePrediction(string Theme, float Confidence, IReadOnlyList<ThemeScore> Top3, string ModelVersion);
