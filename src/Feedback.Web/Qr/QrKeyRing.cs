using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Qr;

/// <summary>The keys in force: one signs, every key not retired verifies.</summary>
internal sealed record QrKeySet(string SigningKeyId, IReadOnlyDictionary<string, byte[]> Verifying)
{
    public byte[] SigningSecret => Verifying[SigningKeyId];
}

/// <summary>
/// Signs and reads links with the configured keys, or with no configuration a random key kept per database
/// (app_secrets), so that every process on the database signs and verifies alike.
/// </summary>
internal sealed class QrKeyRing(IOptions<QrOptions> options, NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string DatabaseKeyId = "db";
    private const string SecretName = "qr-signing-key";
    private QrKeySet? _keys;

    public async ValueTask<string> SignAsync(QrLink link, CancellationToken ct)
    {
        var keys = await GetAsync(ct);
        return QrToken.Encode(link, keys.SigningKeyId, keys.SigningSecret);
    }

    public async ValueTask<(QrLink? Link, QrTokenFailure Failure)> ReadAsync(string token, CancellationToken ct)
    {
        var keys = await GetAsync(ct);
        return QrToken.Decode(token, keys.Verifying.GetValueOrDefault, time.GetUtcNow());
    }

    /// <summary>The keys in force, for the tracking links, which are signed like rating links.</summary>
    internal ValueTask<QrKeySet> KeysAsync(CancellationToken ct) => GetAsync(ct);

    private async ValueTask<QrKeySet> GetAsync(CancellationToken ct) => _keys ??= await LoadAsync(ct);

    private async Task<QrKeySet> LoadAsync(CancellationToken ct)
    {
        var configured = options.Value.Keys.Where(k => !k.Retired).ToList();
        if (configured.Count > 0)
        {
            var signing = options.Value.SigningKeyId ?? configured[0].Id;
            return new(signing, configured.ToDictionary(k => k.Id, k => QrKey.TryDecodeSecret(k.Secret)!));
        }
        return new(DatabaseKeyId, new Dictionary<string, byte[]> { [DatabaseKeyId] = await DatabaseSecretAsync(ct) });
    }

    private async Task<byte[]> DatabaseSecretAsync(CancellationToken ct)
    {
        // Insert-if-missing then read: concurrent first starts of several processes all end up with the same key.
        await using (var insert = dataSource.CreateCommand("INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"))
        {
            insert.Parameters.Add(new() { Value = SecretName });
            insert.Parameters.Add(new() { Value = RandomNumberGenerator.GetBytes(32) });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using var select = dataSource.CreateCommand("SELECT value FROM app_secrets WHERE name = $1");
        select.Parameters.Add(new() { Value = SecretName });
        return (byte[])(await select.ExecuteScalarAsync(ct))!;
    }
}
