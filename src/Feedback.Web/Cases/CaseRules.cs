using Feedback.Web.Accounts;

namespace Feedback.Web.Cases;

/// <summary>
/// What <see cref="CaseWorkflow"/> refuses, in two parts: whether an action is open to this person on this case now,
/// whatever they would type (<c>allowedActions</c> offers exactly these, so a page never shows a button that can only
/// fail), and whether what they typed is acceptable.
/// </summary>
internal static class CaseRules
{
    /// <summary>Null when the action is open to <paramref name="actor"/> now.</summary>
    public static ActionOutcome? Availability(CaseAction action, RectificationCase @case, Caller actor, DateTimeOffset now)
    {
        if (!action.AllowsRole(actor.Role))
            return new(ActionStatus.Forbidden, $"{Roles.Label(actor.Role)}不能执行“{action.Label}”。");
        if (!action.From.Contains(@case.State))
            return new(ActionStatus.Conflict, $"工单当前为“{CaseStates.Label(@case.State)}”，不能执行“{action.Label}”。");
        return action.Name switch
        {
            CaseAction.ApproveExtension or CaseAction.RejectExtension when @case.RequestedExtensionDays is null =>
                new(ActionStatus.Conflict, "没有待审核的延期申请。"),
            CaseAction.RequestExtension when @case.RequestedExtensionDays is not null =>
                new(ActionStatus.Conflict, "已有延期申请在审核中。"),
            CaseAction.RequestExtension when now > @case.DueAt =>
                new(ActionStatus.Conflict, "已超过整改反馈期限，不能再申请延期。"),
            CaseAction.Assign when actor.Role == Roles.DepartmentOfficer && actor.UserId is null =>
                new(ActionStatus.Forbidden, "请登录后承办。"),
            CaseAction.Assign when actor.Role == Roles.DepartmentOfficer && @case.AssigneeId == actor.UserId =>
                new(ActionStatus.Conflict, "您已是该工单的承办人。"),
            _ => null,
        };
    }

    /// <summary>The actions open to <paramref name="actor"/> now, in the order of <see cref="CaseAction.All"/>.</summary>
    public static List<string> Allowed(RectificationCase @case, Caller actor, DateTimeOffset now) =>
        [.. CaseAction.All.Where(a => Availability(a, @case, actor, now) is null).Select(a => a.Name)];

    /// <summary>Null when the request's fields are acceptable for the action.</summary>
    public static ActionOutcome? Input(CaseAction action, CaseActionRequest request, int maxExtensionDays)
    {
        if (action.NeedsNote && string.IsNullOrWhiteSpace(request.Note))
            return new(ActionStatus.Invalid, "请填写说明。", "note");
        if (request.Note?.Length > CaseWorkflow.MaxNote)
            return new(ActionStatus.Invalid, $"说明不能超过 {CaseWorkflow.MaxNote} 字。", "note");
        if (request.Note is { } note && Infrastructure.RequestGuard.HasControlCharacter(note))
            return new(ActionStatus.Invalid, "说明含有无效字符。", "note");
        const int approvalRoom = CaseWorkflow.MaxNote - CaseWorkflow.ExtensionSummaryRoom;
        return action.Name switch
        {
            CaseAction.FollowUp when request.Satisfaction is null =>
                new(ActionStatus.Invalid, "请选择群众对整改结果的满意度。", "satisfaction"),
            CaseAction.FollowUp when request.Satisfaction is not (>= 1 and <= 5) =>
                new(ActionStatus.Invalid, "群众对整改结果的满意度须为 1 到 5。", "satisfaction"),
            CaseAction.FollowUp when request.Channel is not null && !FollowUpChannels.All.Contains(request.Channel) =>
                new(ActionStatus.Invalid, $"回访方式须为 {string.Join("、", FollowUpChannels.All)} 之一。", "channel"),
            CaseAction.RequestExtension when request.WorkingDays is not { } days || days < 1 || days > maxExtensionDays =>
                new(ActionStatus.Invalid, $"延期天数须为 1 到 {maxExtensionDays} 个工作日。", "workingDays"),
            CaseAction.ApproveExtension when request.Note?.Trim().Length > approvalRoom =>
                new(ActionStatus.Invalid, $"说明不能超过 {approvalRoom} 字。", "note"),
            _ => null,
        };
    }
}
