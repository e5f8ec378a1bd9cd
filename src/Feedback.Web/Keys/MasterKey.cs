using System.Security.Cryptography;
using System.Text;

namespace Feedback.Web.Keys;

/// <summary>
/// The master key, kept outside the database, and the one thing it does: seal and open the secrets stored in
/// <c>app_secrets</c> (AES-256-GCM, the secret's name as associated data, so a sealed value cannot be moved to another
/// name). A sealed value names the fingerprint of the key that sealed it, so a process with another key says so
/// instead of computing wrong hashes.
/// </summary>
public sealed class MasterKey
{
    public const int KeyBytes = 32;
    private const byte Version = 1;
    private const int FingerprintBytes = 8;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + FingerprintBytes + NonceBytes;

    private readonly byte[] _key;
    private readonly IReadOnlyList<byte[]> _previous;

    public MasterKey(byte[] key, IReadOnlyList<byte[]> previous, string source)
    {
        (_key, _previous, Source) = (key, previous, source);
        Fingerprint = Convert.ToHexStringLower(FingerprintOf(key));
    }

    /// <summary>Where the key came from, for the log: a file's path or the setting's name (never the key).</summary>
    public string Source { get; }

    /// <summary>16 hex digits that name the key: the same on every process that has the same key.</summary>
    public string Fingerprint { get; }

    public byte[] Seal(string name, ReadOnlySpan<byte> plaintext)
    {
        var sealedValue = new byte[HeaderBytes + plaintext.Length + TagBytes];
        sealedValue[0] = Version;
        FingerprintOf(_key).CopyTo(sealedValue.AsSpan(1));
        var nonce = sealedValue.AsSpan(1 + FingerprintBytes, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(HeaderBytes, plaintext.Length), sealedValue.AsSpan(^TagBytes), Encoding.UTF8.GetBytes(name));
        return sealedValue;
    }

    /// <summary>The secret, and whether it was sealed with an earlier key (then it should be sealed again).</summary>
    /// <exception cref="KeyConfigurationException">Sealed with a key this process does not have, or altered.</exception>
    public (byte[] Plaintext, bool SealedWithPrevious) Open(string name, byte[] sealedValue)
    {
        if (sealedValue.Length < HeaderBytes + TagBytes || sealedValue[0] != Version)
            throw new KeyConfigurationException($"The secret '{name}' in app_secrets is not sealed in a form this version knows.");
        var fingerprint = sealedValue[1..(1 + FingerprintBytes)];
        var key = FingerprintOf(_key).AsSpan().SequenceEqual(fingerprint) ? _key
            : _previous.FirstOrDefault(p => FingerprintOf(p).AsSpan().SequenceEqual(fingerprint))
            ?? throw new KeyConfigurationException(
                $"The database's secrets are sealed with master key {Convert.ToHexStringLower(fingerprint)}, but this process has key " +
                $"{Fingerprint} ({Source}). Give every process on a database the same key (Keys__File or Keys__Master); during a rotation " +
                "name the old key in Keys__Previous__0. See docs/operations.md#keys-and-secrets.");
        var plaintext = new byte[sealedValue.Length - HeaderBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(sealedValue.AsSpan(1 + FingerprintBytes, NonceBytes), sealedValue.AsSpan(HeaderBytes, plaintext.Length),
                sealedValue.AsSpan(^TagBytes), plaintext, Encoding.UTF8.GetBytes(name));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new KeyConfigurationException($"The secret '{name}' in app_secrets does not open with master key {Convert.ToHexStringLower(fingerprint)}: it was altered.");
        }
        return (plaintext, !ReferenceEquals(key, _key));
    }

    private static byte[] FingerprintOf(byte[] key) =>
        HMACSHA256.HashData(key, "feedback master key fingerprint"u8)[..FingerprintBytes];
}
