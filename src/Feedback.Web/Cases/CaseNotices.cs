using Feedback.Web.Accounts;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Infrastructure;
using Feedback.Web.Notifications;

namespace Feedback.Web.Cases;

/// <summary>
/// Who hears of what happens to a case, and in which words. The audience is named in inbox targets; the channels
/// add their own copies (<see cref="NotificationRouting"/>).
/// </summary>
public sealed class CaseNotices(DeadlineCalculator deadlines, CentreTime centre, NotificationRouting routing)
{
    /// <summary>notifications.body and inbox_messages.body hold this many characters.</summary>
    public const int MaxBody = 2000;

    public IEnumerable<Notification> Opened(long caseId, string department, DateTimeOffset at, DateTimeOffset dueAt) =>
        Build($"case:{caseId}:opened", "opened", caseId, department, at, $"新差评工单 #{caseId}",
            $"收到一条差评，请于{Local(dueAt)}前联系群众、核实情况并整改反馈。", OwnerTargets(department));

    public IEnumerable<Notification> Reminder(long caseId, string department, string kind, DateTimeOffset at, DateTimeOffset dueAt) =>
        Build($"case:{caseId}:{kind}:{dueAt.UtcTicks}", "reminder", caseId, department, at, $"工单 #{caseId} 整改反馈提醒",
            $"距整改反馈期限（{Local(dueAt)}）还剩{Remaining(deadlines.Remaining(at, dueAt))}，请尽快处理。", OwnerTargets(department));

    public IEnumerable<Notification> Escalated(long caseId, string department, DateTimeOffset at, DateTimeOffset dueAt) =>
        Build($"case:{caseId}:escalate:{dueAt.UtcTicks}", "escalated", caseId, department, at, $"工单 #{caseId} 超期督办",
            $"该差评工单已超过整改反馈期限（{Local(dueAt)}）仍未反馈，现督办至部门负责人和中心质量专员。",
            [NotificationTargets.Inbox(Roles.DepartmentHead, department), NotificationTargets.Inbox(Roles.QualityOfficer)]);

    /// <summary>A request the quality office must decide, or its decision, which goes back to the department.</summary>
    public IEnumerable<Notification> Action(long caseId, string department, CaseAction action, DateTimeOffset at, string? note)
    {
        if (!action.NeedsApproval && !action.IsDecision)
            return [];
        string[] targets = action.NeedsApproval
            ? [NotificationTargets.Inbox(Roles.QualityOfficer)]
            : [NotificationTargets.Inbox(Roles.DepartmentOfficer, department)];
        var body = string.IsNullOrWhiteSpace(note) ? action.Label : $"{action.Label}：{note}";
        // The note may fill the audit log's 2000 characters; the message only points to it.
        if (body.Length > MaxBody)
            body = body[..(char.IsHighSurrogate(body[MaxBody - 2]) ? MaxBody - 2 : MaxBody - 1)] + "…";
        return Build($"case:{caseId}:{action.Name}:{at.UtcTicks}", action.Name, caseId, department, at, $"工单 #{caseId} {action.Label}", body, targets);
    }

    /// <summary>The person a case was assigned to (承办人), and only them.</summary>
    public IEnumerable<Notification> Assigned(long caseId, string department, DateTimeOffset at, int assigneeId, string assigneeName, string byName) =>
        Build($"case:{caseId}:assign:{at.UtcTicks}", CaseAction.Assign, caseId, department, at, $"工单 #{caseId} 由您承办",
            $"{byName} 将该差评工单指派给 {assigneeName} 承办，请及时联系群众、核实并整改反馈。", [NotificationTargets.Person(assigneeId)]);

    private string[] OwnerTargets(string department) => [NotificationTargets.Inbox(Roles.DepartmentOfficer, department)];

    private IEnumerable<Notification> Build(string key, string kind, long caseId, string department, DateTimeOffset at, string title, string body, string[] targets) =>
        routing.Targets(targets).Select(target => new Notification
        {
            EventKey = key, Target = target, Kind = kind, CaseId = caseId, DepartmentCode = department,
            Title = title, Body = body, CreatedAt = at, NextAttemptAt = at,
        });

    private string Local(DateTimeOffset instant) => centre.ToLocal(instant).ToString("M月d日 HH:mm");

    private static string Remaining(TimeSpan left) =>
        left <= TimeSpan.Zero ? "0分钟" : left.TotalHours >= 1 ? $"{(int)left.TotalHours}小时{left.Minutes}分钟" : $"{Math.Max(1, left.Minutes)}分钟";
}
