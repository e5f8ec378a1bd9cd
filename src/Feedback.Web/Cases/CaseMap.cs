using Feedback.Web.Data;

namespace Feedback.Web.Cases;

/// <summary>
/// The columns of cases and of their audit lines (case_events) for the bulk writers: <see cref="CaseOpener"/> and
/// <see cref="CaseEventWriter"/> (INSERT for the API and the sweep, COPY for the import). Add a column here and in the
/// EF model (<see cref="CaseModel"/>).
/// </summary>
internal static class CaseMap
{
    public static readonly TableMap<RectificationCase> Cases = new TableMap<RectificationCase>("cases")
        // COPY writes the ids the import drew, so that its audit lines and notifications can name their case.
        .SequenceId("id", "cases_id_seq", c => c.Id)
        .Int64("evaluation_id", c => c.EvaluationId)
        .Text("department_code", c => c.DepartmentCode)
        .Text("state", c => c.State)
        .Timestamp("opened_at", c => c.OpenedAt)
        .Timestamp("due_at", c => c.DueAt)
        .NullableTimestamp("next_alert_at", c => c.NextAlertAt)
        .Int16("extensions", c => c.Extensions)
        .Timestamp("updated_at", c => c.UpdatedAt)
        .Bytes("contact_phone_cipher", c => c.ContactPhoneCipher)
        // Set as the case moves on, never when it opens:
        .NullableTimestamp("replied_at", null)
        .NullableTimestamp("closed_at", null)
        .NullableTimestamp("escalated_at", null)
        .Text("reply_note", null)
        .NullableInt16("follow_up_satisfaction", null)
        .Text("follow_up_channel", null)
        .NullableInt16("requested_extension_days", null)
        .NullableInt32("assignee_id", null)
        .Untouched("xmin", "xid");

    public static readonly TableMap<CaseEvent> Events = new TableMap<CaseEvent>("case_events")
        .Identity("id")
        .Int64("case_id", e => e.CaseId)
        .Timestamp("at", e => e.At)
        .Text("actor", e => e.Actor)
        .Text("actor_role", e => e.ActorRole)
        .Text("action", e => e.Action)
        .Text("from_state", e => e.FromState)
        .Text("to_state", e => e.ToState)
        .Text("note", e => e.Note);
}
