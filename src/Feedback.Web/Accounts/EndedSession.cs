namespace Feedback.Web.Accounts;

/// <summary>
/// A sign-in session ended by signing out: its cookie, even a copy kept elsewhere, is refused from then on. Kept until
/// the cookie would have expired anyway (it cannot be renewed once ended).
/// </summary>
public sealed class EndedSession
{
    public Guid Id { get; init; }
    public DateTimeOffset EndedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
