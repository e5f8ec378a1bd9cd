using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Feedback.Web.Qr;

namespace Feedback.Web.Tracking;

/// <summary>
/// The signed part of <c>/t/{token}</c>: a marker byte ('T', so a rating link's token can never pass for one, nor
/// this for a rating link), the key id, the expiry in unix seconds and the rating's reference (not its id: the token
/// shows nothing the thank-you page does not), then the first 16 bytes of an HMAC-SHA256 over all of that, with the
/// QR links' keys; base64url, 43 characters with the database key.
/// </summary>
internal static class TrackingToken
{
    public const byte Marker = (byte)'T';

    public static string Encode(long reference, DateTimeOffset expiresAt, string keyId, byte[] secret)
    {
        var id = Encoding.ASCII.GetBytes(keyId);
        var payload = new byte[1 + 1 + id.Length + 4 + 8];
        payload[0] = Marker;
        payload[1] = checked((byte)id.Length);
        id.CopyTo(payload, 2);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(2 + id.Length), checked((uint)expiresAt.ToUnixTimeSeconds()));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(6 + id.Length), reference);
        return Base64Url.EncodeToString([.. payload, .. Mac(secret, payload)]);
    }

    /// <summary>The reference, or why not. The signature is checked before anything else is believed, expiry included.</summary>
    public static (long? Reference, QrTokenFailure Failure) Decode(string token, Func<string, byte[]?> findKey, DateTimeOffset now)
    {
        if (token.Length is 0 or > 100 || !QrToken.IsCanonical(token))
            return (null, QrTokenFailure.Invalid);
        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < 2 + 4 + 8 + QrToken.MacLength || bytes[0] != Marker || bytes.Length != 2 + bytes[1] + 4 + 8 + QrToken.MacLength)
            return (null, QrTokenFailure.Invalid);
        var idLength = bytes[1];
        var payload = bytes.AsSpan(0, bytes.Length - QrToken.MacLength);
        if (findKey(Encoding.ASCII.GetString(bytes, 2, idLength)) is not { } secret
            || !CryptographicOperations.FixedTimeEquals(Mac(secret, payload), bytes.AsSpan(payload.Length)))
            return (null, QrTokenFailure.Invalid);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(payload[(2 + idLength)..]));
        var reference = BinaryPrimitives.ReadInt64BigEndian(payload[(6 + idLength)..]);
        return expiresAt <= now ? (null, QrTokenFailure.Expired) : (reference, QrTokenFailure.None);
    }

    private static byte[] Mac(byte[] secret, ReadOnlySpan<byte> payload) => HMACSHA256.HashData(secret, payload)[..QrToken.MacLength];
}
