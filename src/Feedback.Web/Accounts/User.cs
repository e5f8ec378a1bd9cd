namespace Feedback.Web.Accounts;

/// <summary>A person who signs in to the pages. Machines use API keys instead.</summary>
public sealed class User
{
    public int Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    /// <summary>Required for department officers and heads, whose view is limited to their own department.</summary>
    public string? DepartmentCode { get; set; }
    public string PasswordHash { get; set; } = "";
    /// <summary>A disabled account cannot sign in, and its open sessions end (see SessionValidator).</summary>
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set when an admin creates the account or resets its password: the next sign-in leads to /account/password.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>When the password last changed after creation; sessions carry it, so a reset or a change ends the other sessions.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}
