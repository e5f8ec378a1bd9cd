namespace Feedback.Ml;

/// <summary>A predicted label and its probability.</summary>
public readonly record struct ScoredLabel(string Label, float Confidence);
