using Feedback.Web.Data;

namespace Feedback.Web.Notifications;

/// <summary>
/// The outbox's columns for its raw-SQL writer, <see cref="OutboxWriter"/> (INSERT, and COPY for the import); delivery
/// reads and completes rows through EF (<see cref="OutboxBatch"/>). Add a column here and in the EF model
/// (<see cref="NotificationModel"/>): a test compares the two.
/// </summary>
internal static class NotificationMap
{
    // Written only: nothing reads rows through this map, so it has no blank row and no setters.
    public static readonly TableMap<Notification> Map = new TableMap<Notification>("notifications")
        .Identity("id")
        .Text("event_key", n => n.EventKey)
        .Text("target", n => n.Target)
        .Text("kind", n => n.Kind)
        .NullableInt64("case_id", n => n.CaseId)
        .Text("department_code", n => n.DepartmentCode)
        .Text("title", n => n.Title)
        .Text("body", n => n.Body)
        .Timestamp("created_at", n => n.CreatedAt)
        .Timestamp("next_attempt_at", n => n.NextAttemptAt)
        .Int32("attempts", n => n.Attempts)
        // Set by delivery (OutboxBatch.CompleteAsync), never when a notification is queued.
        .NullableTimestamp("delivered_at", null)
        .Text("last_error", null);
}
