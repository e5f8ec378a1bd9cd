using Feedback.Web.Accounts;

namespace Feedback.Web.Cases;

/// <summary>
/// One step an officer may take on a case: from which states, to which state (null: the state stays), by which roles.
/// <see cref="All"/> is the whole state machine; the diagram in docs/cases.md is drawn from it.
/// </summary>
public sealed record CaseAction(string Name, string Label, string[] From, string? To, string[] Roles, bool NeedsNote = false, bool NeedsApproval = false, bool IsDecision = false)
{
    private static readonly string[] Department = [Authorization.Roles.DepartmentOfficer, Authorization.Roles.DepartmentHead, Authorization.Roles.Admin];
    /// <summary>Everyone who works on cases: the department and the quality office.</summary>
    internal static readonly string[] Handlers = [.. Department, Authorization.Roles.QualityOfficer];
    private static readonly string[] QualityOffice = [Authorization.Roles.QualityOfficer, Authorization.Roles.Admin];
    private static readonly string[] Pending = [CaseStates.Open, CaseStates.InProgress];

    public const string Start = "start";
    public const string Rectify = "rectify";
    public const string FollowUp = "follow_up";
    public const string Appeal = "appeal";
    public const string ApproveAppeal = "approve_appeal";
    public const string RejectAppeal = "reject_appeal";
    public const string RequestCannotFix = "request_cannot_fix";
    public const string ApproveCannotFix = "approve_cannot_fix";
    public const string RejectCannotFix = "reject_cannot_fix";
    public const string RequestExtension = "request_extension";
    public const string ApproveExtension = "approve_extension";
    public const string RejectExtension = "reject_extension";
    public const string Note = "note";
    public const string Assign = "assign";

    public static readonly IReadOnlyList<CaseAction> All =
    [
        new(Start, "已联系核实", [CaseStates.Open], CaseStates.InProgress, Handlers),
        new(Rectify, "整改反馈", Pending, CaseStates.Rectified, Handlers, NeedsNote: true),
        new(FollowUp, "回访", [CaseStates.Rectified], CaseStates.Closed, Handlers),
        new(Appeal, "申诉（误评或恶意差评）", Pending, CaseStates.Appealed, Department, NeedsNote: true, NeedsApproval: true),
        new(ApproveAppeal, "申诉通过（无效差评）", [CaseStates.Appealed], CaseStates.Invalid, QualityOffice, IsDecision: true),
        new(RejectAppeal, "申诉驳回", [CaseStates.Appealed], CaseStates.InProgress, QualityOffice, NeedsNote: true, IsDecision: true),
        new(RequestCannotFix, "申请无法整改", Pending, CaseStates.CannotFixReview, Department, NeedsNote: true, NeedsApproval: true),
        new(ApproveCannotFix, "同意无法整改", [CaseStates.CannotFixReview], CaseStates.CannotFix, QualityOffice, IsDecision: true),
        new(RejectCannotFix, "驳回无法整改", [CaseStates.CannotFixReview], CaseStates.InProgress, QualityOffice, NeedsNote: true, IsDecision: true),
        new(RequestExtension, "申请延期", Pending, null, Department, NeedsNote: true, NeedsApproval: true),
        new(ApproveExtension, "同意延期", Pending, null, QualityOffice, IsDecision: true),
        new(RejectExtension, "驳回延期", Pending, null, QualityOffice, NeedsNote: true, IsDecision: true),
        // Internal notes (内部备注) are for colleagues, never for the citizen: the reply stays the rectify note.
        new(Note, "内部备注", CaseStates.Active, null, Handlers, NeedsNote: true),
        // A department officer may only take a case themselves (我来承办); the others assign anyone of the department.
        new(Assign, "指定承办人", CaseStates.Active, null, Handlers),
    ];

    private static readonly Dictionary<string, CaseAction> ByName = All.ToDictionary(a => a.Name);

    public static CaseAction? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name);

    public bool AllowsRole(string role) => Roles.Contains(role);
}
