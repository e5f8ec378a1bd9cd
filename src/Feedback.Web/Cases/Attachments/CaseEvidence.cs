using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Cases.Attachments;

/// <summary>A stored file as it is served: to download, or its thumbnail.</summary>
internal sealed record StoredFile(string FileName, string ContentType, byte[] Content);

/// <summary>Stores evidence beside its case and reads it back for the people who may see the case.</summary>
public sealed class CaseEvidence(FeedbackDbContext db, CaseWorkflow workflow)
{
    /// <summary>
    /// Stores the file with its audit line (<c>attach</c>) in one transaction. The case row is written too, so its
    /// row version makes two uploads at once take turns: both cannot take the last of the ten places.
    /// </summary>
    internal async Task<(ActionOutcome Outcome, EvidenceRefusal? Refusal)> AttachAsync(long caseId, EvidenceFile file, Caller actor, CancellationToken ct)
    {
        EvidenceRefusal? refusal = null;
        var outcome = await workflow.ChangeAsync(caseId, actor, async (@case, now) =>
        {
            var count = await db.CaseAttachments.CountAsync(a => a.CaseId == caseId, ct);
            if ((refusal = Evidence.Availability(@case.State, actor.Role, count)) is not null)
                return new(ActionStatus.Conflict, refusal.Message);
            @case.UpdatedAt = now;
            db.Entry(@case).Property(c => c.UpdatedAt).IsModified = true;
            db.CaseAttachments.Add(new CaseAttachment
            {
                CaseId = caseId, FileName = file.FileName, ContentType = file.ContentType, Size = file.Content.Length,
                Content = file.Content, Thumbnail = file.Thumbnail, UploadedAt = now, UploadedBy = actor.Name,
            });
            db.CaseEvents.Add(new CaseEvent
            {
                CaseId = caseId, At = now, Actor = actor.Name, ActorRole = actor.Role, Action = Evidence.AttachAction,
                FromState = @case.State, ToState = @case.State, Note = file.FileName,
            });
            return null;
        }, ct);
        return (outcome, refusal);
    }

    /// <summary>The file, or its thumbnail; null unless it belongs to that case and the actor may see the case.</summary>
    internal async Task<StoredFile?> ReadAsync(long caseId, long attachmentId, Caller actor, bool thumbnail, CancellationToken ct)
    {
        var row = await db.CaseAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.CaseId == caseId)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new
            {
                c.DepartmentCode, a.FileName, a.ContentType,
                Content = thumbnail ? a.Thumbnail : a.Content,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Content is null || !actor.CanSee(row.DepartmentCode))
            return null;
        return thumbnail ? new(row.FileName, Evidence.Jpeg, row.Content) : new(row.FileName, row.ContentType, row.Content);
    }
}
