namespace Feedback.Web.Data;

/// <summary>
/// A key generated once per database (e.g. for hashing phone numbers), so that every service process
/// on the same database uses the same key without configuration.
/// </summary>
public sealed class AppSecret
{
    public required string Name { get; init; }
    public required byte[] Value { get; init; }
}
