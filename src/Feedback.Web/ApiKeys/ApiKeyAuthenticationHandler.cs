using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.ApiKeys;

/// <summary>Authenticates machines by the <c>X-Api-Key</c> header; the key's scope becomes a claim.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }
        var key = await cache.FindAsync(values[0]!, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Value.Name), new Claim(ScopeClaim, key.Value.Scope)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>
/// Remembers verified keys for a minute so that ingestion does not query per request;
/// a revoked key therefore stops working within a minute.
/// </summary>
public sealed class ApiKeyCache(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Name, string Scope, DateTimeOffset Expires)?> _entries = new();

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public async ValueTask<(string Name, string Scope)?> FindAsync(string key, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out var cached) && cached is { } hit && hit.Expires > time.GetUtcNow())
        {
            return (hit.Name, hit.Scope);
        }
        await using var command = dataSource.CreateCommand("SELECT name, scope FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new() { Value = Hash(key) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var found = (reader.GetString(0), reader.GetString(1));
        if (_entries.Count < 10_000)
        {
            _entries[key] = (found.Item1, found.Item2, time.GetUtcNow() + Lifetime);
        }
        return found;
    }
}
