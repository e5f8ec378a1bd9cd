namespace Feedback.Web.Evaluations;

/// <summary>One citizen rating as stored. Rows are written by <see cref="EvaluationStore"/> with set-based SQL.</summary>
public sealed class Evaluation
{
    public long Id { get; set; }
    public string? CaseNumber { get; init; }
    public short AssessNumber { get; init; }
    public required string Channel { get; init; }
    public short Rating { get; init; }
    public short[] ReasonCodes { get; init; } = [];
    public string? Comment { get; init; }
    public required string DepartmentCode { get; init; }
    public string? WindowCode { get; init; }
    public string? StaffCode { get; init; }
    public string? ServiceItemCode { get; init; }
    public bool Anonymous { get; init; }
    public string? RaterName { get; init; }
    public string? RaterPhoneMasked { get; init; }
    /// <summary>HMAC-SHA256 of the normalised phone number: finds repeat raters without storing the number.</summary>
    public byte[]? RaterPhoneHash { get; init; }
    public DateTimeOffset EvaluatedAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public bool IsDefault { get; init; }

    // Set by the theme classifier when a comment is stored (see ThemeTagger).
    public string? Theme { get; set; }
    public float? ThemeConfidence { get; set; }
    // The runners-up of the top three (the first is Theme): scalar columns, because arrays cost PostgreSQL far
    // more per row in the import's COPY.
    public string? ThemeSecond { get; set; }
    public float? ThemeSecondScore { get; set; }
    public string? ThemeThird { get; set; }
    public float? ThemeThirdScore { get; set; }
    public string? ModelVersion { get; set; }
    /// <summary>Low confidence: the quality office should look at the theme.</summary>
    public bool NeedsReview { get; set; }
    /// <summary>suspected_bad (疑似差评) or appeal_candidate; see ThemeSignals.</summary>
    public string? ThemeSignal { get; set; }
    /// <summary>The theme an officer set; the latest ThemeCorrection.</summary>
    public string? CorrectedTheme { get; set; }

    // Set by the polarity classifier beside the theme: praise, complaint or neutral, with its probability and the
    // polarity model's version. The signal (ThemeSignal) comes from these and the rating.
    public string? Polarity { get; set; }
    public float? PolarityConfidence { get; set; }
    public string? PolarityModelVersion { get; set; }
}
