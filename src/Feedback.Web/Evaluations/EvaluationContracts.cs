namespace Feedback.Web.Evaluations;

/// <summary>A rating as sent by a channel. Everything is optional here so that validation can name each bad field.</summary>
public sealed record EvaluationRequest(
    string? CaseNumber,
    string? Channel,
    int? Rating,
    IReadOnlyList<int>? ReasonCodes,
    string? Comment,
    string? DepartmentCode,
    string? WindowCode,
    string? StaffCode,
    string? ServiceItemCode,
    int? AssessNumber,
    RaterRequest? Rater,
    DateTimeOffset? EvaluatedAt,
    bool? IsDefault);

public sealed record RaterRequest(bool? Anonymous, string? Name, string? Phone);

public sealed record RaterResponse(bool Anonymous, string? Name, string? PhoneMasked);

public sealed record EvaluationResponse(
    long Id,
    string? CaseNumber,
    string Channel,
    int Rating,
    string RatingLabel,
    IReadOnlyList<int> ReasonCodes,
    string? Comment,
    string DepartmentCode,
    string? WindowCode,
    string? StaffCode,
    string? ServiceItemCode,
    int AssessNumber,
    RaterResponse Rater,
    DateTimeOffset EvaluatedAt,
    DateTimeOffset ReceivedAt,
    bool IsDefault,
    ThemeResponse? Theme,
    PolarityResponse? Polarity);

/// <summary>
/// The comment's theme beside the citizen's own reason codes. <c>Code</c> is the effective theme (an officer's
/// correction wins over the prediction).
/// </summary>
public sealed record ThemeResponse(
    string Code, string Label, string? Predicted, float? Confidence, IReadOnlyList<ThemeScoreResponse> Top3,
    string? ModelVersion, bool NeedsReview, string? Signal, string? CorrectedTheme);

public sealed record ThemeScoreResponse(string Theme, float Score);

/// <summary>
/// Whether the comment praises (praise), complains (complaint) or neither (neutral), with the model's probability:
/// why a rating carries a signal (a complaint on a 好评 is 疑似差评, praise on a 差评 an appeal candidate).
/// </summary>
public sealed record PolarityResponse(string Code, string Label, float Confidence, string? ModelVersion);

public sealed record BatchItemResult(int Index, string Status, long? Id, IDictionary<string, string[]>? Errors);

public sealed record BatchResponse(int Created, int Duplicates, int Invalid, IReadOnlyList<BatchItemResult> Items);

public sealed record EvaluationPage(IReadOnlyList<EvaluationResponse> Items, string? NextCursor);

public static class EvaluationMapping
{
    public static EvaluationResponse AsResponse(this Evaluation e) => new(
        e.Id, e.CaseNumber, e.Channel, e.Rating, Ratings.Labels[e.Rating], [.. e.ReasonCodes.Select(c => (int)c)], e.Comment,
        e.DepartmentCode, e.WindowCode, e.StaffCode, e.ServiceItemCode, e.AssessNumber,
        new RaterResponse(e.Anonymous, e.RaterName, e.RaterPhoneMasked),
        e.EvaluatedAt, e.ReceivedAt, e.IsDefault, e.AsThemeResponse(),
        e.Polarity is { } polarity ? new PolarityResponse(polarity, Classification.Polarities.Label(polarity), e.PolarityConfidence ?? 0, e.PolarityModelVersion) : null);

    private static ThemeResponse? AsThemeResponse(this Evaluation e)
    {
        var code = e.CorrectedTheme ?? e.Theme;
        if (code is null)
        {
            return null;
        }
        var top3 = new List<ThemeScoreResponse>(3);
        if (e.Theme is not null)
        {
            top3.Add(new(e.Theme, e.ThemeConfidence ?? 0));
            if (e.ThemeSecond is not null)
            {
                top3.Add(new(e.ThemeSecond, e.ThemeSecondScore ?? 0));
            }
            if (e.ThemeThird is not null)
            {
                top3.Add(new(e.ThemeThird, e.ThemeThirdScore ?? 0));
            }
        }
        // The praise theme only means a mis-tap on a 差评; on a 好评 it is simply praise.
        var label = code == Classification.Themes.PraiseMismatch && !Ratings.IsBad(e.Rating) ? "表扬" : Classification.Themes.Labels.GetValueOrDefault(code, code);
        return new ThemeResponse(code, label, e.Theme, e.ThemeConfidence, top3,
            e.ModelVersion, e.NeedsReview, e.ThemeSignal, e.CorrectedTheme);
    }
}
