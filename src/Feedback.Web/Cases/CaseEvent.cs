namespace Feedback.Web.Cases;

/// <summary>
/// One line of a case's audit log: who did what, when, from which state to which. Rows are only ever inserted;
/// a trigger in the database refuses UPDATE and DELETE.
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>User name, "apikey:NAME" or "system".</summary>
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public required string Action { get; init; }
    public string? FromState { get; init; }
    public required string ToState { get; init; }
    public string? Note { get; init; }
}
