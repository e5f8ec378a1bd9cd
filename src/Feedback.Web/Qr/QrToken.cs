using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Feedback.Web.Qr;

/// <summary>
/// The compact signed form of a <see cref="QrLink"/>: version, kind, key id, expiry (unix seconds, 0 = none),
/// window, staff, service item and caseNumber (each length-prefixed UTF-8), then the first 16 bytes of an
/// HMAC-SHA256 over all of that; base64url. A poster token is about 44 characters, so the QR code stays coarse.
/// </summary>
internal static class QrToken
{
    public const byte Version = 1;
    public const int MacLength = 16;

    public static string Encode(QrLink link, string keyId, byte[] secret)
    {
        var payload = new List<byte> { Version, (byte)link.Kind };
        AddString(payload, keyId);
        var expiry = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(expiry, link.ExpiresAt is { } at ? checked((uint)at.ToUnixTimeSeconds()) : 0);
        payload.AddRange(expiry);
        AddString(payload, link.WindowCode);
        AddString(payload, link.StaffCode);
        AddString(payload, link.ServiceItemCode);
        AddString(payload, link.CaseNumber);
        var bytes = payload.ToArray();
        return Base64Url.EncodeToString([.. bytes, .. Mac(secret, bytes)]);
    }

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>
    /// Only the form <see cref="Encode"/> writes: base64url without padding or whitespace, which the decoder would
    /// otherwise forgive. One link then has one spelling, so a limit or a device rule keyed on it cannot be sidestepped.
    /// </summary>
    public static bool IsCanonical(string token) => !token.AsSpan().ContainsAnyExcept(Base64UrlAlphabet) && Base64Url.IsValid(token);

    /// <summary>The link, or why not. The signature is checked before anything else is believed, expiry included.</summary>
    public static (QrLink? Link, QrTokenFailure Failure) Decode(string token, Func<string, byte[]?> findKey, DateTimeOffset now)
    {
        if (token.Length is 0 or > 400 || !IsCanonical(token))
        {
            return (null, QrTokenFailure.Invalid);
        }
        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < MacLength + 7 || bytes[0] != Version)
        {
            return (null, QrTokenFailure.Invalid);
        }
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var reader = new Reader(payload.ToArray(), 2);
        if (reader.String() is not { } keyId || findKey(keyId) is not { } secret
            || !CryptographicOperations.FixedTimeEquals(Mac(secret, payload), bytes.AsSpan(payload.Length)))
        {
            return (null, QrTokenFailure.Invalid);
        }
        var link = Read(ref reader, (QrLinkKind)bytes[1]);
        if (link is null)
        {
            return (null, QrTokenFailure.Invalid);
        }
        return link.ExpiresAt <= now ? (null, QrTokenFailure.Expired) : (link, QrTokenFailure.None);
    }

    private static QrLink? Read(ref Reader reader, QrLinkKind kind)
    {
        var expiry = reader.UInt32();
        var window = reader.String();
        var (staff, item, caseNumber) = (reader.String(), reader.String(), reader.String());
        if (!reader.AtEnd || window is null || !Enum.IsDefined(kind) || (kind == QrLinkKind.Receipt) != (caseNumber is not null))
        {
            return null;
        }
        return new QrLink(kind, window, staff, item, caseNumber, expiry is 0 or null ? null : DateTimeOffset.FromUnixTimeSeconds(expiry.Value));
    }

    private static byte[] Mac(byte[] secret, ReadOnlySpan<byte> payload) => HMACSHA256.HashData(secret, payload)[..MacLength];

    private static void AddString(List<byte> payload, string? value)
    {
        var bytes = Encoding.UTF8.GetBytes(value ?? "");
        payload.Add(checked((byte)bytes.Length));
        payload.AddRange(bytes);
    }

    /// <summary>Reads the payload; any overrun makes the remaining reads null and <see cref="AtEnd"/> false.</summary>
    private struct Reader(byte[] bytes, int position)
    {
        private bool _overrun;

        public readonly bool AtEnd => !_overrun && position == bytes.Length;

        public uint? UInt32()
        {
            if (_overrun || position + 4 > bytes.Length) return Overrun<uint?>();
            position += 4;
            return BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position - 4));
        }

        public string? String()
        {
            if (_overrun || position >= bytes.Length || position + 1 + bytes[position] > bytes.Length) return Overrun<string?>();
            var length = bytes[position];
            position += 1 + length;
            return length == 0 ? null : Encoding.UTF8.GetString(bytes, position - length, length);
        }

        private T Overrun<T>()
        {
            _overrun = true;
            return default!;
        }
    }
}
