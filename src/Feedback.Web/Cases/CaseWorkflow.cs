using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases;

public sealed record CaseActionRequest(string? Action, string? Note, short? Satisfaction, int? WorkingDays);

public enum ActionStatus { Done, NotFound, Forbidden, Conflict, Invalid }

public sealed record ActionOutcome(ActionStatus Status, string? Detail = null, string? Field = null);

/// <summary>
/// Applies one <see cref="CaseAction"/>: checks visibility, role, state and input, then changes the case, appends
/// the audit line and queues notifications in one SaveChanges (one transaction). A concurrent change (the deadline
/// sweep or another officer) is detected by the row version and the action is tried once more on fresh data.
/// </summary>
public sealed class CaseWorkflow(FeedbackDbContext db, CaseSchedule schedule, CaseNotices notices, TimeProvider time, IOptions<DeadlineOptions> deadlines)
{
    public const int MaxNote = 2000;

    /// <summary>An approved extension's log line starts "延期 N 个工作日，新期限 yyyy-MM-dd HH:mm。": the note gets the rest.</summary>
    private const int ExtensionSummaryRoom = 40;

    public async Task<ActionOutcome> ApplyAsync(long id, CaseActionRequest request, CaseActor actor, CancellationToken ct)
    {
        if (CaseAction.Find(request.Action) is not { } action)
            return new(ActionStatus.Invalid, $"未知操作。可用：{string.Join(", ", CaseAction.All.Select(a => a.Name))}", "action");
        for (var attempt = 0; ; attempt++)
        {
            var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (@case is null || !actor.CanSee(@case.DepartmentCode))
                return new(ActionStatus.NotFound);
            var now = time.GetUtcNow();
            if (Check(action, @case, request, actor, now) is { } problem)
                return problem;
            Apply(action, @case, request, actor, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(ActionStatus.Done);
            }
            catch (DbUpdateException ex) when (IsConcurrent(ex) && attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException ex) when (IsConcurrent(ex))
            {
                return new(ActionStatus.Conflict, "工单刚被他人修改，请刷新后重试。");
            }
        }
    }

    /// <summary>
    /// Another change won: the row version moved, or an action at the same instant queued the same notice first
    /// (its unique key), which can only happen when two actions race.
    /// </summary>
    private static bool IsConcurrent(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    private ActionOutcome? Check(CaseAction action, RectificationCase @case, CaseActionRequest request, CaseActor actor, DateTimeOffset now)
    {
        if (!action.AllowsRole(actor.Role))
            return new(ActionStatus.Forbidden, $"{Accounts.Roles.Label(actor.Role)}不能执行“{action.Label}”。");
        if (!action.From.Contains(@case.State))
            return new(ActionStatus.Conflict, $"工单当前为“{CaseStates.Label(@case.State)}”，不能执行“{action.Label}”。");
        if (action.NeedsNote && string.IsNullOrWhiteSpace(request.Note))
            return new(ActionStatus.Invalid, "请填写说明。", "note");
        if (request.Note?.Length > MaxNote)
            return new(ActionStatus.Invalid, $"说明不能超过 {MaxNote} 字。", "note");
        return action.Name switch
        {
            CaseAction.FollowUp when request.Satisfaction is not (>= 1 and <= 5) =>
                new(ActionStatus.Invalid, "请选择群众对整改结果的满意度（1-5）。", "satisfaction"),
            CaseAction.RequestExtension => CheckExtensionRequest(@case, request, now),
            CaseAction.ApproveExtension or CaseAction.RejectExtension when @case.RequestedExtensionDays is null =>
                new(ActionStatus.Conflict, "没有待审核的延期申请。"),
            CaseAction.ApproveExtension when request.Note?.Trim().Length > MaxNote - ExtensionSummaryRoom =>
                new(ActionStatus.Invalid, $"说明不能超过 {MaxNote - ExtensionSummaryRoom} 字。", "note"),
            _ => null,
        };
    }

    private ActionOutcome? CheckExtensionRequest(RectificationCase @case, CaseActionRequest request, DateTimeOffset now)
    {
        var max = deadlines.Value.MaxExtensionWorkingDays;
        if (request.WorkingDays is not { } days || days < 1 || days > max)
            return new(ActionStatus.Invalid, $"延期天数须为 1 到 {max} 个工作日。", "workingDays");
        if (@case.RequestedExtensionDays is not null)
            return new(ActionStatus.Conflict, "已有延期申请在审核中。");
        return now > @case.DueAt ? new(ActionStatus.Conflict, "已超过整改反馈期限，不能再申请延期。") : null;
    }

    private void Apply(CaseAction action, RectificationCase @case, CaseActionRequest request, CaseActor actor, DateTimeOffset now)
    {
        var from = @case.State;
        var note = request.Note?.Trim();
        @case.State = action.To ?? @case.State;
        @case.UpdatedAt = now;
        switch (action.Name)
        {
            case CaseAction.Rectify:
                (@case.RepliedAt, @case.ReplyNote, @case.NextAlertAt, @case.RequestedExtensionDays) = (now, note, null, null);
                break;
            case CaseAction.FollowUp:
                (@case.ClosedAt, @case.FollowUpSatisfaction) = (now, request.Satisfaction);
                break;
            case CaseAction.Appeal or CaseAction.RequestCannotFix:
                // The quality office has the case now: no reminders to the department meanwhile.
                @case.NextAlertAt = null;
                break;
            case CaseAction.RejectAppeal or CaseAction.RejectCannotFix:
                @case.NextAlertAt = schedule.ResumeAt(@case.OpenedAt, @case.DueAt, now, @case.IsOverdue);
                break;
            case CaseAction.ApproveAppeal or CaseAction.ApproveCannotFix:
                @case.RequestedExtensionDays = null;
                break;
            case CaseAction.RequestExtension:
                @case.RequestedExtensionDays = (short)request.WorkingDays!.Value;
                break;
            case CaseAction.ApproveExtension:
                note = ApproveExtension(@case, now, note);
                break;
            case CaseAction.RejectExtension:
                @case.RequestedExtensionDays = null;
                break;
        }
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = @case.Id, At = now, Actor = actor.Name, ActorRole = actor.Role, Action = action.Name, FromState = from, ToState = @case.State, Note = note,
        });
        db.Notifications.AddRange(notices.Action(@case.Id, @case.DepartmentCode, action, now, note));
    }

    /// <summary>
    /// The new deadline counts the approved working days on from the current one, or from the approval when that
    /// comes after the deadline (the request was made in time; counting from the missed deadline could give one
    /// already past). The new deadline gets its own reminders and escalation, also for a case escalated at the old
    /// one, which stays marked overdue.
    /// </summary>
    private string ApproveExtension(RectificationCase @case, DateTimeOffset now, string? note)
    {
        var days = @case.RequestedExtensionDays!.Value;
        @case.DueAt = schedule.Deadlines.ExtendedDueAt(@case.DueAt > now ? @case.DueAt : now, days);
        @case.Extensions++;
        @case.RequestedExtensionDays = null;
        @case.NextAlertAt = CaseStates.ClockRuns(@case.State) ? schedule.NextAt(@case.OpenedAt, @case.DueAt, now) : null;
        var summary = $"延期 {days} 个工作日，新期限 {schedule.Deadlines.ToLocal(@case.DueAt):yyyy-MM-dd HH:mm}";
        return string.IsNullOrWhiteSpace(note) ? summary : $"{summary}。{note}";
    }
}
