namespace Feedback.Ml;

public sealed record ThemeScore(string Theme, float Score);
