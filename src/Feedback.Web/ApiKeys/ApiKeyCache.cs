using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Feedback.Web.ApiKeys;

/// <summary>A verified key as requests see it.</summary>
public sealed record ApiKeyIdentity(int Id, string Name, string Scope);

/// <summary>
/// Remembers verified keys for a minute so that ingestion does not query per request, and unknown keys for ten seconds
/// (a key created meanwhile works within ten seconds). A key revoked in this process is forgotten at once; another
/// process on the same database stops accepting it within the minute.
/// </summary>
public sealed class ApiKeyCache(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>How often a key's last_used_at is written at most (per key and process): never a write per request.</summary>
    public static readonly TimeSpan UseWriteInterval = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity? Key, DateTimeOffset Expires)> _entries = new();
    private readonly ConcurrentDictionary<int, long> _useWrittenAt = new();

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public async ValueTask<ApiKeyIdentity?> FindAsync(string key, CancellationToken ct)
    {
        if (_entries.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Key;
        }
        await using var command = dataSource.CreateCommand("SELECT id, name, scope FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new() { Value = Hash(key) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Remember a wrong key briefly too, so a client retrying with it does not query the database each time.
        var found = await reader.ReadAsync(ct) ? new ApiKeyIdentity(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)) : null;
        if (_entries.Count < MaxEntries)
        {
            _entries[key] = (found, time.GetUtcNow() + (found is null ? UnknownLifetime : Lifetime));
        }
        return found;
    }

    /// <summary>Called when a key is revoked here: its next request answers 401.</summary>
    public void Forget(int id)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Key?.Id == id)
                _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Records that a key was used, at most once per <see cref="UseWriteInterval"/>; parallel requests race for one write.</summary>
    public async ValueTask NoteUseAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var seen = _useWrittenAt.TryGetValue(id, out var last);
        if (seen && now.UtcTicks - last < UseWriteInterval.Ticks)
            return;
        if (!(seen ? _useWrittenAt.TryUpdate(id, now.UtcTicks, last) : _useWrittenAt.TryAdd(id, now.UtcTicks)))
            return;
        await using var command = dataSource.CreateCommand("UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }
}
