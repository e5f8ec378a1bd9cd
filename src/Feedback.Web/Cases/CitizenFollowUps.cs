using Feedback.Web.Data;
using Feedback.Web.Evaluations;

namespace Feedback.Web.Cases;

/// <summary>
/// The citizen's own follow-up rating (追评) counts as the case's 回访 when no officer has recorded one: the case
/// closes with the 追评 as its satisfaction and channel 线上追评. Idempotent: a case already followed up is left alone.
/// </summary>
public sealed class CitizenFollowUps(CaseWorkflow workflow, FeedbackDbContext db)
{
    /// <summary>The audit log's actor role for the citizen, who has no account.</summary>
    public const string Role = "citizen";
    private static readonly Caller Citizen = new("群众", Role, null);

    /// <returns>True if the case took the follow-up now.</returns>
    public async Task<bool> RecordAsync(long caseId, short rating, CancellationToken ct)
    {
        var outcome = await workflow.ChangeAsync(caseId, Citizen, (@case, now) =>
        {
            if (@case.State != CaseStates.Rectified || @case.FollowUpSatisfaction is not null)
                return Task.FromResult<ActionOutcome?>(new(ActionStatus.Conflict));
            (@case.State, @case.ClosedAt, @case.FollowUpSatisfaction, @case.FollowUpChannel, @case.UpdatedAt) =
                (CaseStates.Closed, now, rating, FollowUpChannels.Online, now);
            CaseWorkflow.ForgetPhoneWhenEnded(@case);
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = @case.Id, At = now, Actor = Citizen.Name, ActorRole = Role, Action = CaseAction.FollowUp,
                FromState = CaseStates.Rectified, ToState = CaseStates.Closed, Note = $"群众线上追评：{Ratings.Labels[rating]}",
            });
            return Task.FromResult<ActionOutcome?>(null);
        }, ct);
        return outcome.Status == ActionStatus.Done;
    }
}
