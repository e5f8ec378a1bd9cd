using System.Security.Cryptography;
using System.Text;
using Feedback.Web.Keys;

namespace Feedback.Web.Evaluations;

/// <summary>
/// Raters' phone numbers are never stored in clear: a mask for people (138****5678) and a keyed hash
/// that finds repeat raters. The key is generated once per database and kept there sealed with the master key
/// (<see cref="SecretStore"/>), so every process shares it and a dump of the database alone cannot try the hidden digits.
/// </summary>
public sealed class PhoneProtector(SecretStore secrets)
{
    private byte[]? _key;

    public static string? Normalize(string phone)
    {
        var digits = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '+' or '(' or ')'))
            {
                return null;
            }
        }
        var value = digits.ToString();
        if (value.StartsWith("86", StringComparison.Ordinal) && value.Length == 13)
        {
            value = value[2..];
        }
        return value.Length is >= 7 and <= 15 ? value : null;
    }

    public static string Mask(string normalized) => normalized.Length >= 11
        ? string.Concat(normalized.AsSpan(0, 3), new string('*', normalized.Length - 7), normalized.AsSpan(normalized.Length - 4))
        : string.Concat(new string('*', normalized.Length - 2), normalized.AsSpan(normalized.Length - 2));

    public byte[] Hash(string normalized) => HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(normalized));

    private byte[] Key => _key ??= secrets.Get(SecretStore.PhoneHashKey);
}
