using System.Security.Cryptography;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.ApiKeys;

public static class ApiKeyService
{
    /// <summary>Creates a key and returns it; only its hash is stored, so it cannot be shown again.</summary>
    public static async Task<string> CreateAsync(FeedbackDbContext db, string name, string scope, TimeProvider time, CancellationToken ct)
    {
        if (!ApiKeyScopes.All.Contains(scope))
        {
            throw new ArgumentException($"Scope must be one of: {string.Join(", ", ApiKeyScopes.All)}.", nameof(scope));
        }
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            throw new ArgumentException($"An API key named '{name}' exists already.", nameof(name));
        }
        var key = "fbk_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        db.ApiKeys.Add(new ApiKey { Name = name, Scope = scope, KeyHash = ApiKeyCache.Hash(key), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
