namespace Feedback.Web.ApiKeys;

/// <summary>A machine credential. Only the SHA-256 of the key is stored.</summary>
public sealed class ApiKey
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string Scope { get; init; }
    public required byte[] KeyHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Last authenticated request, written at most once a minute per key and process (see ApiKeyCache).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}

public static class ApiKeyScopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Admin = "admin";

    public static readonly string[] All = [Ingest, Read, Admin];

    public static string Label(string scope) => scope switch
    {
        Ingest => "写入评价",
        Read => "只读",
        Admin => "管理",
        _ => scope,
    };
}
