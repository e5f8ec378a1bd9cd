namespace Feedback.Web.Notifications;

/// <summary>
/// The outbox: a message to deliver, written in the same transaction as the event it announces and delivered
/// later by <see cref="NotificationDelivery"/>. (EventKey, Target) is unique, so an event is never queued
/// twice for one target. The properties have setters because <see cref="NotificationMap"/> reads rows into a blank one.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    /// <summary>E.g. "case:42:opened" or "case:42:escalated:2026-11-23T08:00:00Z".</summary>
    public required string EventKey { get; set; }
    /// <summary>See <see cref="NotificationTargets"/>: an inbox audience or the webhook.</summary>
    public required string Target { get; set; }
    public required string Kind { get; set; }
    public long? CaseId { get; set; }
    public string? DepartmentCode { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
