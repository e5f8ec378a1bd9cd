namespace Feedback.Ml;

/// <summary>The polarity model's labels, as written in models/polarity.*.csv.</summary>
public static class PolarityLabels
{
    public const string Praise = "praise";
    public const string Complaint = "complaint";
    public const string Neutral = "neutral";

    public static IReadOnlyList<string> All { get; } = [Complaint, Neutral, Praise];
}
