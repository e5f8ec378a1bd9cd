namespace Feedback.Web.Classification;

/// <summary>An officer's correction of a predicted theme; kept for audit and folded into the next model.</summary>
public sealed class ThemeCorrection
{
    public long Id { get; init; }
    public long EvaluationId { get; init; }
    public string? FromTheme { get; init; }
    public required string ToTheme { get; init; }
    public required string CorrectedBy { get; init; }
    public DateTimeOffset CorrectedAt { get; init; }
}

public sealed record ThemeCorrectionRequest(string? Theme);
