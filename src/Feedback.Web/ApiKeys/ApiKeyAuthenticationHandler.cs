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
/// Remembers verified keys for a minute so that ingestion does not query per request (a revoked key therefore stops
/// working within a minute), and unknown keys for ten seconds (a key created meanwhile works within ten seconds).
/// </summary>
public sealed class ApiKeyCache(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, ((string Name, string Scope)? Key, DateTimeOffset Expires)> _entries = new();

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public async ValueTask<(string Name, string Scope)?> FindAsync(string key, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Key;
        }
        await using var command = dataSource.CreateCommand("SELECT name, scope FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new() { Value = Hash(key) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            // Remember a wrong key briefly too, so a client retrying with it does not query the database each time.
            Remember(key, null);
            return null;
        }
        var found = (reader.GetString(0), reader.GetString(1));
        Remember(key, found);
        return found;
    }

    private void Remember(string key, (string Name, string Scope)? found)
    {
        if (_entries.Count < MaxEntries)
        {
            _entries[key] = (found, time.GetUtcNow() + (found is null ? UnknownLifetime : Lifetime));
        }
    }
}
