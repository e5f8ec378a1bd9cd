using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Accounts;

/// <summary>Sign-in and lockout. Bound from the "Accounts" section.</summary>
public sealed class AccountOptions
{
    /// <summary>Consecutive wrong passwords for one user name from one client address that lock that pair. Default: 5.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked name and address stay locked. Default: 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity (sliding). Default: 8 hours, one working day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in attempts one client address may make per minute, whatever the user names: stops password spraying
    /// across many accounts, which the per-account lockout does not. Default: 20.
    /// </summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>
    /// How often a signed-in session is checked against the users table: a disabled account, or a changed role or
    /// department, ends the session at the next check. Default: 1 minute.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shortest password the CLI accepts. Default: 10.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;
}
