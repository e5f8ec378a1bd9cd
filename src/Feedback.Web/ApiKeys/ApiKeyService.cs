using System.Security.Cryptography;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Feedback.Web.ApiKeys;

/// <summary>What the admin audit log keeps of a key: never the key or its hash.</summary>
public sealed record ApiKeyRecord(string Name, string Scope, DateTimeOffset? RevokedAt)
{
    public const string Kind = "api_key";

    public static ApiKeyRecord Of(ApiKey key) => new(key.Name, key.Scope, key.RevokedAt);
}

public static class ApiKeyService
{
    public const int MaxName = 100;

    public static Task<string> CreateAsync(FeedbackDbContext db, string name, string scope, TimeProvider time, CancellationToken ct) =>
        CreateAsync(db, name, scope, "system", time, ct);

    /// <summary>Creates a key and returns it; only its hash is stored, so it cannot be shown again.</summary>
    public static async Task<string> CreateAsync(FeedbackDbContext db, string name, string scope, string actor, TimeProvider time, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxName || name.Any(char.IsControl))
            throw new RefusedInputException("name", $"Name must be 1-{MaxName} characters.", $"名称须为 1-{MaxName} 个字符，写明谁使用这个密钥（如“办件系统”）。");
        if (!ApiKeyScopes.All.Contains(scope))
            throw new RefusedInputException("scope", $"Scope must be one of: {string.Join(", ", ApiKeyScopes.All)}.", "请选择密钥的范围。");
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
            throw Duplicate(name);
        var key = "fbk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiKey { Name = name, Scope = scope, KeyHash = ApiKeyCache.Hash(key), CreatedAt = time.GetUtcNow() };
        db.ApiKeys.Add(entity);
        new AdminAudit(db, time).Record(actor, ApiKeyRecord.Kind, name, "created", null, ApiKeyRecord.Of(entity));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another admin took the name a moment ago.
            db.ChangeTracker.Clear();
            throw Duplicate(name);
        }
        return key;
    }

    /// <summary>Revokes a key; its next request here answers 401. Revoking twice is refused with a message, not repeated.</summary>
    public static async Task<ApiKey> RevokeAsync(FeedbackDbContext db, ApiKeyCache cache, int id, string actor, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = await db.ApiKeys.FromSql($"SELECT * FROM api_keys WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new RefusedInputException("id", $"No API key with id {id}.", "该密钥不存在。");
        if (key.RevokedAt is not null)
            throw new RefusedInputException("id", $"API key '{key.Name}' is revoked already.", $"密钥“{key.Name}”已经吊销过了，无需再次吊销。");
        var before = ApiKeyRecord.Of(key);
        key.RevokedAt = time.GetUtcNow();
        new AdminAudit(db, time).Record(actor, ApiKeyRecord.Kind, key.Name, "revoked", before, ApiKeyRecord.Of(key));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        cache.Forget(key.Id);
        return key;
    }

    private static RefusedInputException Duplicate(string name) =>
        new("name", $"An API key named '{name}' exists already.", $"名称“{name}”已被使用（也包括已吊销的密钥），请换一个。");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
