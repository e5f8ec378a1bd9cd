namespace Feedback.Web.Notifications;

/// <summary>
/// A message in the officers' in-app inbox, addressed to a role (and, for department roles, a department) so that
/// whoever holds the role sees it, including people who join later; or to one person (<see cref="UserId"/>).
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; init; }
    /// <summary>The outbox row it came from; unique, so a redelivery adds nothing.</summary>
    public long NotificationId { get; init; }
    public required string Role { get; init; }
    public string? DepartmentCode { get; init; }
    /// <summary>Set: only this person sees the message (e.g. a case assigned to them); Role and DepartmentCode are theirs when it was sent.</summary>
    public int? UserId { get; init; }
    public long? CaseId { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Who has read which inbox message.</summary>
public sealed class InboxRead
{
    public long MessageId { get; init; }
    public int UserId { get; init; }
    public DateTimeOffset ReadAt { get; init; }
}
