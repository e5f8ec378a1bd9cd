namespace Feedback.Ml;

/// <summary>One label's precision, recall and F1; <see cref="Support"/> counts its true examples.</summary>
public sealed record ClassMetrics(string Label, int Support, double Precision, double Recall, double F1);
