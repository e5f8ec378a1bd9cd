namespace Feedback.Web.Cases;

/// <summary>
/// The rectification case (整改工单) a bad rating opens. The department that handled the transaction owns it.
/// Rows change only through <see cref="CaseActions"/> and the deadline sweep; each change appends a <see cref="CaseEvent"/>.
/// </summary>
public sealed class RectificationCase
{
    public long Id { get; init; }
    public long EvaluationId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string State { get; set; }
    /// <summary>When the rating was received: the clock starts here.</summary>
    public DateTimeOffset OpenedAt { get; init; }
    /// <summary>When the reply is due; an approved extension moves it.</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>The earliest reminder or escalation not handled yet; null once the clock has stopped.</summary>
    public DateTimeOffset? NextAlertAt { get; set; }
    /// <summary>When the department replied to the citizen (reached rectified): this stops the clock.</summary>
    public DateTimeOffset? RepliedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Set when the deadline passed without a reply (超期) and the case was escalated (督办).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? ReplyNote { get; set; }
    /// <summary>The citizen's satisfaction with the rectification at the follow-up (回访), 1-5 like a rating.</summary>
    public short? FollowUpSatisfaction { get; set; }
    /// <summary>How the follow-up was made: phone, sms, in_person, or online (the citizen's own 追评); see <see cref="FollowUpChannels"/>.</summary>
    public string? FollowUpChannel { get; set; }
    /// <summary>Working days of an extension (延期) waiting for the quality office's approval.</summary>
    public short? RequestedExtensionDays { get; set; }
    public short Extensions { get; set; }
    /// <summary>The person of the department who handles the case (承办人); null until someone is assigned.</summary>
    public int? AssigneeId { get; set; }
    /// <summary>
    /// The citizen's full phone number, encrypted (<see cref="Sms.ContactPhones"/>), for the case's text messages only;
    /// null without a number or SMS, and erased when the case closes or after Sms:KeepPhoneDays. Shown to nobody.
    /// </summary>
    public byte[]? ContactPhoneCipher { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: two officers acting at once cannot both win.</summary>
    public uint Version { get; set; }

    public bool IsOverdue => EscalatedAt is not null;
}
