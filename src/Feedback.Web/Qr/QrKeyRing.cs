using Feedback.Web.Keys;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Qr;

/// <summary>The keys in force: one signs, every key not retired verifies.</summary>
internal sealed record QrKeySet(string SigningKeyId, IReadOnlyDictionary<string, byte[]> Verifying)
{
    public byte[] SigningSecret => Verifying[SigningKeyId];
}

/// <summary>
/// Signs and reads links with the configured keys, or with no configuration a random key kept per database
/// (app_secrets, sealed with the master key), so that every process on the database signs and verifies alike.
/// </summary>
internal sealed class QrKeyRing(IOptions<QrOptions> options, SecretStore secrets, TimeProvider time)
{
    public const string DatabaseKeyId = "db";
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

    private ValueTask<QrKeySet> LoadAsync(CancellationToken ct)
    {
        var configured = options.Value.Keys.Where(k => !k.Retired).ToList();
        if (configured.Count > 0)
        {
            var signing = options.Value.SigningKeyId ?? configured[0].Id;
            return ValueTask.FromResult(new QrKeySet(signing, configured.ToDictionary(k => k.Id, k => QrKey.TryDecodeSecret(k.Secret)!)));
        }
        // Values an earlier version kept in clear are sealed in place, unchanged: posters on the walls stay valid.
        return ValueTask.FromResult(new QrKeySet(DatabaseKeyId, new Dictionary<string, byte[]> { [DatabaseKeyId] = secrets.Get(SecretStore.QrSigningKey) }));
    }
}
