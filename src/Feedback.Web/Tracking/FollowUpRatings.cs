using Feedback.Web.Cases;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Tracking;

/// <summary>Why a follow-up rating (追评) was or was not stored.</summary>
internal enum FollowUpOutcome { Stored, NotBad, NotYet, AlreadyGiven, NoChoice, Invalid, Unavailable }

/// <summary>
/// Stores the citizen's follow-up rating (追评, assessNumber 2) through the same validation and group-commit writer as
/// every rating (channel qr, the first rating's place), then lets it count as the case's 回访.
/// </summary>
internal sealed class FollowUpRatings(EvaluationIntake intake, EvaluationWriter writer)
{
    /// <summary>Whether the page may offer the follow-up now, and if not, why not (null: it may).</summary>
    public static FollowUpOutcome? Refusal(TrackedRating rating) =>
        !rating.IsBad || rating.AssessNumber != 1 ? FollowUpOutcome.NotBad
        : rating.FollowUp is not null ? FollowUpOutcome.AlreadyGiven
        : rating.Case is not { TakesFollowUp: true } ? FollowUpOutcome.NotYet
        : null;

    public async Task<FollowUpOutcome> SubmitAsync(TrackedRating rating, long reference, int? score, CitizenFollowUps cases, CancellationToken ct)
    {
        if (Refusal(rating) is { } refused)
            return refused;
        if (score is not (>= 1 and <= 5))
            return FollowUpOutcome.NoChoice;
        var request = new EvaluationRequest(TrackedRating.FollowUpCaseNumber(rating.CaseNumber, reference), Channels.Qr, score, [], null,
            rating.DepartmentCode, rating.WindowCode, rating.StaffCode, rating.ServiceItemCode, 2, null, null, false);
        var (evaluation, _) = await intake.ValidateAsync(request, intake.Now, ct);
        if (evaluation is null)
            return FollowUpOutcome.Invalid;
        StoreOutcome stored;
        try
        {
            stored = await writer.WriteAsync(evaluation, ct);
        }
        catch (StoreUnavailableException)
        {
            return FollowUpOutcome.Unavailable;
        }
        if (stored.Status != StoreStatus.Created)
            return stored.Status == StoreStatus.Duplicate ? FollowUpOutcome.AlreadyGiven : FollowUpOutcome.Invalid;
        await cases.RecordAsync(rating.Case!.Id, (short)score.Value, ct);
        return FollowUpOutcome.Stored;
    }
}
