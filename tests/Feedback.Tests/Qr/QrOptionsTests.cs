using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Feedback.Web.Qr;

namespace Feedback.Tests.Qr;

public sealed class QrOptionsTests
{
    private static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static List<ValidationResult> Validate(QrOptions options) => [.. options.Validate(new ValidationContext(options))];

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Empty(Validate(new QrOptions()));
    }

    [Fact]
    public void Validate_TwoKeysOneRetiredSigningWithTheOther_IsValid()
    {
        var options = new QrOptions { Keys = [new() { Id = "k1", Secret = Secret, Retired = true }, new() { Id = "k2", Secret = Secret }], SigningKeyId = "k2" };

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_SigningWithARetiredKey_IsInvalid()
    {
        var options = new QrOptions { Keys = [new() { Id = "k1", Secret = Secret, Retired = true }, new() { Id = "k2", Secret = Secret }], SigningKeyId = "k1" };

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(nameof(QrOptions.SigningKeyId)));
    }

    [Theory]
    [InlineData("k1", "c2hvcnQ=")]
    [InlineData("", null)]
    [InlineData("has space", null)]
    public void Validate_BadKey_IsInvalid(string id, string? secret)
    {
        var options = new QrOptions { Keys = [new() { Id = id, Secret = secret ?? Secret }] };

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(nameof(QrOptions.Keys)));
    }
}
