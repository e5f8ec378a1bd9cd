using Feedback.Web.Data;

namespace Feedback.Web.Notifications;

/// <summary>
/// The outbox's columns for its raw-SQL writer, <see cref="OutboxWriter"/> (INSERT, and COPY for the import); delivery
/// reads and completes rows through EF (<see cref="OutboxBatch"/>). Add a column here and in the EF model
/// (<see cref="NotificationModel"/>): a test compares the two.
/// </summary>
internal static class NotificationMap
{
    // Every column is read over the blank's placeholders.
    public static readonly TableMap<Notification> Map = new TableMap<Notification>("notifications",
            () => new() { EventKey = "", Target = "", Kind = "", Title = "", Body = "" })
        .Identity("id", (n, v) => n.Id = v)
        .Text("event_key", n => n.EventKey, (n, v) => n.EventKey = v!)
        .Text("target", n => n.Target, (n, v) => n.Target = v!)
        .Text("kind", n => n.Kind, (n, v) => n.Kind = v!)
        .NullableInt64("case_id", n => n.CaseId, (n, v) => n.CaseId = v)
        .Text("department_code", n => n.DepartmentCode, (n, v) => n.DepartmentCode = v)
        .Text("title", n => n.Title, (n, v) => n.Title = v!)
        .Text("body", n => n.Body, (n, v) => n.Body = v!)
        .Timestamp("created_at", n => n.CreatedAt, (n, v) => n.CreatedAt = v)
        .Timestamp("next_attempt_at", n => n.NextAttemptAt, (n, v) => n.NextAttemptAt = v)
        .Int32("attempts", n => n.Attempts, (n, v) => n.Attempts = v)
        // Set by delivery (OutboxBatch.CompleteAsync), never when a notification is queued.
        .NullableTimestamp("delivered_at", null, (n, v) => n.DeliveredAt = v)
        .Text("last_error", null, (n, v) => n.LastError = v);
}
