using System.Buffers.Binary;
using System.Security.Cryptography;
using Feedback.Web.Keys;

namespace Feedback.Web.Tracking;

/// <summary>
/// The reference a citizen reads aloud (10 digits, shown as "12345 67890"): the rating's id through a keyed
/// permutation of 0…9,999,999,999 (an eight-round Feistel network over two halves of five digits, HMAC-SHA256 as the
/// round function). Consecutive ratings get unrelated references, so a reference reveals neither how many ratings
/// exist nor its neighbours, yet it turns back into the id without any stored column. The key is generated once per
/// database and kept there sealed with the master key (<see cref="SecretStore"/>), like the phone hash key, so every process agrees.
/// </summary>
public sealed class TrackingReference(SecretStore secrets)
{
    public const long Domain = 10_000_000_000;
    private const int Half = 100_000;
    private const int Rounds = 8;
    private byte[]? _key;

    public async ValueTask<long> ToReferenceAsync(long id, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Domain);
        var key = await KeyAsync(ct);
        var (left, right) = ((int)(id / Half), (int)(id % Half));
        for (var round = 0; round < Rounds; round++)
            (left, right) = (right, (left + Round(key, round, right)) % Half);
        return (long)left * Half + right;
    }

    /// <summary>The id, or null for a number outside the domain.</summary>
    public async ValueTask<long?> ToIdAsync(long reference, CancellationToken ct)
    {
        if (reference is < 0 or >= Domain)
            return null;
        var key = await KeyAsync(ct);
        var (left, right) = ((int)(reference / Half), (int)(reference % Half));
        for (var round = Rounds - 1; round >= 0; round--)
            (left, right) = ((right - Round(key, round, left) + Half) % Half, left);
        return (long)left * Half + right;
    }

    /// <summary>Two groups of five digits, the way a number is read out over the phone.</summary>
    public static string Format(long reference)
    {
        var digits = reference.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        return $"{digits[..5]} {digits[5..]}";
    }

    private static int Round(byte[] key, int round, int value)
    {
        Span<byte> input = stackalloc byte[5];
        input[0] = (byte)round;
        BinaryPrimitives.WriteInt32BigEndian(input[1..], value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, input, mac);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % Half);
    }

    // Read once per process: a database round trip the first time only.
    private ValueTask<byte[]> KeyAsync(CancellationToken ct) => ValueTask.FromResult(_key ??= secrets.Get(SecretStore.TrackingReferenceKey));
}
