namespace Feedback.Web.Accounts;

/// <summary>
/// Wrong passwords for one user name from one client address. The lockout is per pair, so that five posts from
/// anywhere cannot lock a person out everywhere, and it is kept for names that do not exist too, so that the answer
/// never tells which names do.
/// </summary>
public sealed class SignInFailure
{
    public required string UserName { get; init; }
    public required string Address { get; init; }
    /// <summary>Wrong passwords since the last lockout or success; back to 0 when the pair is locked.</summary>
    public int Failures { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
