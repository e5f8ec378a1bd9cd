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
    bool IsDefault);

public sealed record BatchItemResult(int Index, string Status, long? Id, IDictionary<string, string[]>? Errors);

public sealed record BatchResponse(int Created, int Duplicates, int Invalid, IReadOnlyList<BatchItemResult> Items);

public sealed record EvaluationPage(IReadOnlyList<EvaluationResponse> Items, string? NextCursor);

public static class EvaluationMapping
{
    public static EvaluationResponse AsResponse(this Evaluation e) => new(
        e.Id, e.CaseNumber, e.Channel, e.Rating, Ratings.Labels[e.Rating], [.. e.ReasonCodes.Select(c => (int)c)], e.Comment,
        e.DepartmentCode, e.WindowCode, e.StaffCode, e.ServiceItemCode, e.AssessNumber,
        new RaterResponse(e.Anonymous, e.RaterName, e.RaterPhoneMasked),
        e.EvaluatedAt, e.ReceivedAt, e.IsDefault);
}
