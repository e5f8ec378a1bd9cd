using System.Buffers.Text;
using System.Security.Cryptography;
using Feedback.Web.Qr;

namespace Feedback.Tests.Qr;

public sealed class QrTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    private static byte[]? Both(string id) => id switch { "k1" => OldKey, "k2" => NewKey, _ => null };

    [Fact]
    public void Decode_PosterSignedAndRead_ReturnsTheSameLink()
    {
        var link = QrLink.Poster("W001", "S001");

        var (read, failure) = QrToken.Decode(QrToken.Encode(link, "k1", OldKey), Both, Now);

        Assert.Equal(QrTokenFailure.None, failure);
        Assert.Equal(link, read);
    }

    [Fact]
    public void Decode_ReceiptWithChineseCaseNumber_RoundTripsEveryField()
    {
        var link = QrLink.Receipt("粤2026-000123", "W002", null, "I003", DateTimeOffset.FromUnixTimeSeconds(Now.AddDays(30).ToUnixTimeSeconds()));

        var (read, failure) = QrToken.Decode(QrToken.Encode(link, "k2", NewKey), Both, Now);

        Assert.Equal(QrTokenFailure.None, failure);
        Assert.Equal(link, read);
    }

    [Fact]
    public void Encode_Poster_IsCompact()
    {
        var token = QrToken.Encode(QrLink.Poster("W001"), "db", OldKey);

        Assert.True(token.Length <= 48, $"{token.Length} characters: {token}");
    }

    [Fact]
    public void Decode_AnyByteAltered_IsInvalid()
    {
        var bytes = Base64Url.DecodeFromChars(QrToken.Encode(QrLink.Poster("W001", "S001"), "k1", OldKey));

        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            Assert.Equal(QrTokenFailure.Invalid, QrToken.Decode(Base64Url.EncodeToString(altered), Both, Now).Failure);
        }
    }

    [Fact]
    public void Decode_SignedWithAnotherSecret_IsInvalid()
    {
        var forged = QrToken.Encode(QrLink.Poster("W001"), "k1", RandomNumberGenerator.GetBytes(32));

        Assert.Equal(QrTokenFailure.Invalid, QrToken.Decode(forged, Both, Now).Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AQE")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Decode_Garbage_IsInvalid(string token)
    {
        Assert.Equal(QrTokenFailure.Invalid, QrToken.Decode(token, Both, Now).Failure);
    }

    [Fact]
    public void Decode_PastExpiry_IsExpired()
    {
        var token = QrToken.Encode(QrLink.Poster("W001", expiresAt: Now.AddSeconds(-1)), "k1", OldKey);

        Assert.Equal(QrTokenFailure.Expired, QrToken.Decode(token, Both, Now).Failure);
    }

    [Fact]
    public void Decode_BeforeExpiry_IsValid()
    {
        var token = QrToken.Encode(QrLink.Poster("W001", expiresAt: Now.AddSeconds(1)), "k1", OldKey);

        Assert.Equal(QrTokenFailure.None, QrToken.Decode(token, Both, Now).Failure);
    }

    [Fact]
    public void Decode_AfterRotation_OldKeyStillVerifiesUntilRetired()
    {
        var oldToken = QrToken.Encode(QrLink.Poster("W001"), "k1", OldKey);
        byte[]? afterRetiring(string id) => id == "k2" ? NewKey : null;

        var whileBoth = QrToken.Decode(oldToken, Both, Now).Failure;
        var afterRetirement = QrToken.Decode(oldToken, afterRetiring, Now).Failure;

        Assert.Equal(QrTokenFailure.None, whileBoth);
        Assert.Equal(QrTokenFailure.Invalid, afterRetirement);
    }
}
