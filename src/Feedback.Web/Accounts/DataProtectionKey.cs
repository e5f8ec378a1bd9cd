namespace Feedback.Web.Accounts;

/// <summary>One key of ASP.NET's data-protection key ring (signs cookies and antiforgery tokens), as XML.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; init; }
    public string? FriendlyName { get; init; }
    public required string Xml { get; init; }
}
