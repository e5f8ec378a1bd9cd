using Feedback.Web.Cases;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Tracking;

/// <summary>A rating as its tracking page shows it: what the citizen said, and where the department's case stands.</summary>
public sealed record TrackedRating(
    long Id, short Rating, short AssessNumber, DateTimeOffset ReceivedAt, string? CaseNumber, string DepartmentCode, string? WindowCode,
    string? StaffCode, string? ServiceItemCode, TrackedCase? Case, TrackedFollowUp? FollowUp)
{
    /// <summary>
    /// The caseNumber the rating's follow-up (追评, assessNumber 2) is stored under: the 办件's own, or for a poster
    /// rating (no 办件) one made of its reference, so that the (caseNumber, assessNumber) unique index allows one.
    /// </summary>
    public static string FollowUpCaseNumber(string? caseNumber, long reference) => caseNumber ?? $"QRT{reference:D10}";

    public bool IsBad => Ratings.IsBad(Rating);
}

/// <param name="VerifiedAt">When the department first reported contact and verification (已联系核实).</param>
/// <param name="ReviewNote">The department's explanation, shown only once 无法整改 was approved.</param>
public sealed record TrackedCase(
    long Id, string State, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? VerifiedAt, DateTimeOffset? RepliedAt, string? Reply,
    DateTimeOffset? ClosedAt, short? FollowUpSatisfaction, string? FollowUpChannel, DateTimeOffset? ReviewAt, string? ReviewNote)
{
    /// <summary>A follow-up rating is taken once the department has replied, whether or not it has called back yet.</summary>
    public bool TakesFollowUp => State is CaseStates.Rectified or CaseStates.Closed;
}

public sealed record TrackedFollowUp(short Rating, DateTimeOffset ReceivedAt);
