namespace Feedback.Web.Cases;

/// <summary>
/// A reminder or escalation that was handled. The key (case, kind, deadline) is unique, which is what makes each
/// alert happen exactly once however often, and on however many servers, the sweep runs.
/// </summary>
public sealed class CaseAlert
{
    public long CaseId { get; init; }
    /// <summary>See <see cref="Deadlines.CaseSchedule"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The deadline the alert belongs to; an extension gives the case a new set of alerts.</summary>
    public DateTimeOffset DueAt { get; init; }
    /// <summary>When the alert was due.</summary>
    public DateTimeOffset ScheduledAt { get; init; }
    public DateTimeOffset HandledAt { get; init; }
    /// <summary>True when a later alert was already due too (e.g. after downtime), so this one was not sent.</summary>
    public bool Skipped { get; init; }
}
