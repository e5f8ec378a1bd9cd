using Feedback.Web.Accounts;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Feedback.Web.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases;

/// <param name="AssigneeId">The person to assign (<c>assign</c>); a department officer who leaves it out takes the case themselves.</param>
/// <param name="Channel">How the follow-up reached the citizen (<c>follow_up</c>): phone, sms, in_person or online; optional.</param>
public sealed record CaseActionRequest(string? Action, string? Note, short? Satisfaction, int? WorkingDays, int? AssigneeId = null, string? Channel = null);

public enum ActionStatus { Done, NotFound, Forbidden, Conflict, Invalid }

public sealed record ActionOutcome(ActionStatus Status, string? Detail = null, string? Field = null);

/// <summary>
/// Applies one <see cref="CaseAction"/>: checks visibility, role, state and input (<see cref="CaseRules"/>), then
/// changes the case, appends the audit line and queues notifications in one SaveChanges (one transaction). A
/// concurrent change (the deadline sweep or another officer) is detected by the row version and the action is tried
/// once more on fresh data.
/// </summary>
public sealed class CaseWorkflow(FeedbackDbContext db, CaseSchedule schedule, CaseNotices notices, CitizenSms sms, CentreTime centre, TimeProvider time, IOptions<DeadlineOptions> deadlines)
{
    public const int MaxNote = 2000;

    /// <summary>An approved extension's log line starts "延期 N 个工作日，新期限 yyyy-MM-dd HH:mm。": the note gets the rest.</summary>
    internal const int ExtensionSummaryRoom = 40;

    public async Task<ActionOutcome> ApplyAsync(long id, CaseActionRequest request, Caller actor, CancellationToken ct)
    {
        if (CaseAction.Find(request.Action) is not { } action)
            return new(ActionStatus.Invalid, $"未知操作。可用：{string.Join(", ", CaseAction.All.Select(a => a.Name))}", "action");
        return await ChangeAsync(id, actor, async (@case, now) =>
        {
            if ((CaseRules.Availability(action, @case, actor, now) ?? CaseRules.Input(action, request, deadlines.Value.MaxExtensionWorkingDays)) is { } problem)
                return problem;
            User? assignee = null;
            if (action.Name == CaseAction.Assign)
            {
                (var refused, assignee) = await AssigneeAsync(@case, request, actor, ct);
                if (refused is not null)
                    return refused;
            }
            Apply(action, @case, request, actor, now, assignee);
            // The citizen hears of the reply (and is asked the 追评) by text, when she left a number.
            if (action.Name == CaseAction.Rectify)
                db.Notifications.AddRange(await sms.RepliedAsync(@case, now, ct));
            return null;
        }, ct);
    }

    /// <summary>
    /// Loads the case (404 unless the actor may see it), lets <paramref name="change"/> check and change it (a
    /// non-null outcome refuses, nothing is saved), and saves everything added meanwhile in one transaction. The
    /// change runs once more on fresh data if a concurrent one won.
    /// </summary>
    internal async Task<ActionOutcome> ChangeAsync(long id, Caller actor, Func<RectificationCase, DateTimeOffset, Task<ActionOutcome?>> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (@case is null || !actor.CanSee(@case.DepartmentCode))
                return new(ActionStatus.NotFound);
            if (await change(@case, time.GetUtcNow()) is { } problem)
            {
                db.ChangeTracker.Clear();
                return problem;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return new(ActionStatus.Done);
            }
            catch (DbUpdateException ex) when (IsConcurrent(ex))
            {
                db.ChangeTracker.Clear();
                if (attempt > 0)
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

    /// <summary>An active department officer or head of the case's department; an officer may only name themselves.</summary>
    private async Task<(ActionOutcome? Refused, User? Person)> AssigneeAsync(RectificationCase @case, CaseActionRequest request, Caller actor, CancellationToken ct)
    {
        var officer = actor.Role == Roles.DepartmentOfficer;
        if ((request.AssigneeId ?? (officer ? actor.UserId : null)) is not { } id)
            return (new(ActionStatus.Invalid, "请选择承办人。", "assigneeId"), null);
        if (officer && id != actor.UserId)
            return (new(ActionStatus.Forbidden, "部门专员只能自己承办，不能指派他人。"), null);
        if (id == @case.AssigneeId)
            return (new(ActionStatus.Conflict, "该工单已由此人承办。"), null);
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && !u.Disabled && u.DepartmentCode == @case.DepartmentCode
            && (u.Role == Roles.DepartmentOfficer || u.Role == Roles.DepartmentHead), ct);
        return person is null ? (new(ActionStatus.Invalid, "承办人须为本工单所属部门在岗的部门专员或部门负责人。", "assigneeId"), null) : (null, person);
    }

    private void Apply(CaseAction action, RectificationCase @case, CaseActionRequest request, Caller actor, DateTimeOffset now, User? assignee)
    {
        var from = @case.State;
        @case.State = action.To ?? @case.State;
        @case.UpdatedAt = now;
        ForgetPhoneWhenEnded(@case);
        var note = ChangeFields(action, @case, request, now, assignee);
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = @case.Id, At = now, Actor = actor.Name, ActorRole = actor.Role, Action = action.Name, FromState = from, ToState = @case.State, Note = note,
        });
        db.Notifications.AddRange(notices.Action(@case.Id, @case.DepartmentCode, action, now, note));
        // Someone who takes a case themselves needs no message about it.
        if (assignee is not null && assignee.Id != actor.UserId)
            db.Notifications.AddRange(notices.Assigned(@case.Id, @case.DepartmentCode, now, assignee.Id, assignee.DisplayName, actor.DisplayName ?? actor.Name));
    }

    /// <summary>A case that has ended sends no more messages, so the citizen's number is erased with the change.</summary>
    internal static void ForgetPhoneWhenEnded(RectificationCase @case)
    {
        if (!CaseStates.Active.Contains(@case.State))
            @case.ContactPhoneCipher = null;
    }

    /// <returns>The audit line's note.</returns>
    private string? ChangeFields(CaseAction action, RectificationCase @case, CaseActionRequest request, DateTimeOffset now, User? assignee)
    {
        var note = request.Note?.Trim();
        switch (action.Name)
        {
            case CaseAction.Rectify:
                (@case.RepliedAt, @case.ReplyNote, @case.NextAlertAt, @case.RequestedExtensionDays) = (now, note, null, null);
                break;
            case CaseAction.FollowUp:
                (@case.ClosedAt, @case.FollowUpSatisfaction, @case.FollowUpChannel) = (now, request.Satisfaction, request.Channel);
                break;
            case CaseAction.Appeal or CaseAction.RequestCannotFix:
                // The quality office has the case now: no reminders to the department meanwhile.
                @case.NextAlertAt = null;
                break;
            case CaseAction.RejectAppeal or CaseAction.RejectCannotFix:
                @case.NextAlertAt = schedule.ResumeAt(@case.OpenedAt, @case.DueAt, now, @case.IsOverdue);
                break;
            case CaseAction.ApproveAppeal or CaseAction.ApproveCannotFix or CaseAction.RejectExtension:
                @case.RequestedExtensionDays = null;
                break;
            case CaseAction.RequestExtension:
                @case.RequestedExtensionDays = (short)request.WorkingDays!.Value;
                break;
            case CaseAction.ApproveExtension:
                return ApproveExtension(@case, now, note);
            case CaseAction.Assign:
                @case.AssigneeId = assignee!.Id;
                return assignee.DisplayName;
        }
        return note;
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
        var summary = $"延期 {days} 个工作日，新期限 {centre.ToLocal(@case.DueAt):yyyy-MM-dd HH:mm}";
        return string.IsNullOrWhiteSpace(note) ? summary : $"{summary}。{note}";
    }
}
