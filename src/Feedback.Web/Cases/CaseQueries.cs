using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Cases;

/// <summary>Reads cases for one actor: department roles see their own department only.</summary>
public sealed class CaseQueries(FeedbackDbContext db, DeadlineCalculator deadlines, TimeProvider time)
{
    public async Task<CaseDetail?> GetAsync(long id, CaseActor actor, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null || !actor.CanSee(@case.DepartmentCode))
            return null;
        var evaluation = await db.Evaluations.AsNoTracking().FirstAsync(e => e.Id == @case.EvaluationId, ct);
        var timeline = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id)
            .Select(e => new CaseEventResponse(e.Id, e.At, e.Actor, e.ActorRole, e.Action, e.FromState, e.ToState, e.Note))
            .ToListAsync(ct);
        var alerts = await db.CaseAlerts.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.HandledAt).ThenBy(a => a.ScheduledAt)
            .Select(a => new CaseAlertResponse(a.Kind, a.ScheduledAt, a.HandledAt, a.Skipped))
            .ToListAsync(ct);
        var allowed = CaseAction.All.Where(a => a.AllowsRole(actor.Role) && a.From.Contains(@case.State)).Select(a => a.Name).ToList();
        return new(Summary(@case, evaluation.Rating, evaluation.Comment, time.GetUtcNow()), evaluation.AsResponse(),
            @case.ReplyNote, @case.FollowUpSatisfaction, timeline, alerts, allowed);
    }

    private CaseSummary Summary(RectificationCase c, short rating, string? comment, DateTimeOffset now)
    {
        var running = CaseStates.ClockRuns(c.State);
        var remaining = running ? deadlines.Remaining(now, c.DueAt).TotalSeconds : (double?)null;
        return new(c.Id, c.EvaluationId, c.DepartmentCode, c.State, CaseStates.Label(c.State), c.OpenedAt, c.DueAt, remaining,
            c.IsOverdue || (running && now > c.DueAt), c.EscalatedAt, c.RepliedAt, c.ClosedAt, c.RequestedExtensionDays, c.Extensions, rating, comment);
    }
}
