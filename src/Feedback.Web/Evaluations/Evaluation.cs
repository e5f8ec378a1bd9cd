namespace Feedback.Web.Evaluations;

/// <summary>
/// One citizen rating as stored. Rows are written by <see cref="EvaluationStore"/> with set-based SQL; the properties
/// have setters because <see cref="EvaluationMap"/> reads rows into a blank one, column by column.
/// </summary>
public sealed class Evaluation
{
    public long Id { get; set; }
    public string? CaseNumber { get; set; }
    public short AssessNumber { get; set; }
    public required string Channel { get; set; }
    public short Rating { get; set; }
    public short[] ReasonCodes { get; set; } = [];
    public string? Comment { get; set; }
    public required string DepartmentCode { get; set; }
    public string? WindowCode { get; set; }
    public string? StaffCode { get; set; }
    public string? ServiceItemCode { get; set; }
    public bool Anonymous { get; set; }
    public string? RaterName { get; set; }
    public string? RaterPhoneMasked { get; set; }
    /// <summary>HMAC-SHA256 of the normalised phone number: finds repeat raters without storing the number.</summary>
    public byte[]? RaterPhoneHash { get; set; }
    /// <summary>
    /// The normalised number as given, in memory only, on its way to the case this rating opens (which keeps it
    /// encrypted, see CaseOpener); no column holds it. Internal, so neither EF nor JSON sees it.
    /// </summary>
    internal string? ContactPhone { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool IsDefault { get; set; }

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
