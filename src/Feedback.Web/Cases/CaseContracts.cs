using Feedback.Web.Evaluations;

namespace Feedback.Web.Cases;

/// <param name="RemainingSeconds">Countable time left (working time in working-time mode); negative once overdue; null when the clock has stopped.</param>
public sealed record CaseSummary(
    long Id, long EvaluationId, string DepartmentCode, string State, string StateLabel, DateTimeOffset OpenedAt, DateTimeOffset DueAt,
    double? RemainingSeconds, bool Overdue, DateTimeOffset? EscalatedAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt,
    short? RequestedExtensionDays, int Extensions, int Rating, string? Comment);

public sealed record CaseEventResponse(long Id, DateTimeOffset At, string Actor, string ActorRole, string Action, string? FromState, string ToState, string? Note);

/// <summary>A reminder or escalation the deadline sweep handled; <c>Skipped</c> when a later one was due at the same time.</summary>
public sealed record CaseAlertResponse(string Kind, DateTimeOffset ScheduledAt, DateTimeOffset HandledAt, bool Skipped);

/// <summary>The person who handles the case (承办人).</summary>
public sealed record CaseAssigneeResponse(int Id, string Name);

/// <summary>Evidence of the rectification (整改佐证); the file itself is at /cases/{caseId}/attachments/{id} for signed-in people.</summary>
public sealed record CaseAttachmentResponse(long Id, string FileName, string ContentType, int Size, DateTimeOffset UploadedAt, string UploadedBy, bool HasThumbnail);

/// <param name="FollowUpChannel">How the follow-up was made: phone, sms, in_person, or online (the citizen's own 追评).</param>
/// <param name="AllowedActions">The actions the caller may take now: <see cref="CaseRules.Availability"/> holds for each.</param>
public sealed record CaseDetail(
    CaseSummary Case, EvaluationResponse Evaluation, string? ReplyNote, short? FollowUpSatisfaction,
    IReadOnlyList<CaseEventResponse> Timeline, IReadOnlyList<CaseAlertResponse> Alerts, IReadOnlyList<string> AllowedActions,
    CaseAssigneeResponse? Assignee, IReadOnlyList<CaseAttachmentResponse> Attachments, string? FollowUpChannel = null);

