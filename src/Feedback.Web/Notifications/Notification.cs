namespace Feedback.Web.Notifications;

/// <summary>
/// The outbox: a message to deliver, written in the same transaction as the event it announces and delivered
/// later by <see cref="NotificationDelivery"/>. (EventKey, Target) is unique, so an event is never queued
/// twice for one target.
/// </summary>
public sealed class Notification
{
    public long Id { get; init; }
    /// <summary>E.g. "case:42:opened" or "case:42:escalated:2026-11-23T08:00:00Z".</summary>
    public required string EventKey { get; init; }
    /// <summary>See <see cref="NotificationTargets"/>: an inbox audience or the webhook.</summary>
    public required string Target { get; init; }
    public required string Kind { get; init; }
    public long? CaseId { get; init; }
    public string? DepartmentCode { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? LastError { get; init; }
}
