using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Cases;

/// <summary>Reads cases for one actor: department roles see their own department only.</summary>
public sealed class CaseQueries(FeedbackDbContext db, DeadlineCalculator deadlines, TimeProvider time)
{
    public async Task<CaseDetail?> GetAsync(long id, Caller actor, CancellationToken ct)
    {
        var row = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Case = c, Assignee = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => new CaseAssigneeResponse(u.Id, u.DisplayName)).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (row is null || !actor.CanSee(row.Case.DepartmentCode))
            return null;
        var @case = row.Case;
        var evaluation = await db.Evaluations.AsNoTracking().FirstAsync(e => e.Id == @case.EvaluationId, ct);
        var timeline = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id)
            .Select(e => new CaseEventResponse(e.Id, e.At, e.Actor, e.ActorRole, e.Action, e.FromState, e.ToState, e.Note))
            .ToListAsync(ct);
        var alerts = await db.CaseAlerts.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.HandledAt).ThenBy(a => a.ScheduledAt)
            .Select(a => new CaseAlertResponse(a.Kind, a.ScheduledAt, a.HandledAt, a.Skipped))
            .ToListAsync(ct);
        // The files stay in the database: only what describes them is read here.
        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Id)
            .Select(a => new CaseAttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy, a.Thumbnail != null))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return new(Summary(@case, evaluation.Rating, evaluation.Comment, now), evaluation.AsResponse(), @case.ReplyNote, @case.FollowUpSatisfaction,
            timeline, alerts, CaseRules.Allowed(@case, actor, now), row.Assignee, attachments, @case.FollowUpChannel);
    }

    private CaseSummary Summary(RectificationCase c, short rating, string? comment, DateTimeOffset now)
    {
        var running = CaseStates.ClockRuns(c.State);
        var remaining = running ? deadlines.Remaining(now, c.DueAt).TotalSeconds : (double?)null;
        return new(c.Id, c.EvaluationId, c.DepartmentCode, c.State, CaseStates.Label(c.State), c.OpenedAt, c.DueAt, remaining,
            c.IsOverdue || (running && now > c.DueAt), c.EscalatedAt, c.RepliedAt, c.ClosedAt, c.RequestedExtensionDays, c.Extensions, rating, comment);
    }
}
