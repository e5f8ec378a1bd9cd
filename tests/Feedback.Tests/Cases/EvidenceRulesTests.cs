using Feedback.Web.Cases.Attachments;

namespace Feedback.Tests.Cases;

/// <summary>The type of an upload comes from its first bytes; its name loses folders, control characters and excess length.</summary>
public sealed class EvidenceRulesTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, Evidence.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, Evidence.Png)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, Evidence.Pdf)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }, null)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, null)]
    [InlineData(new byte[0], null)]
    public void Sniff_FirstBytes_DecideTheType(byte[] head, string? expected) => Assert.Equal(expected, Evidence.Sniff(head));

    [Theory]
    [InlineData("照片.jpg", Evidence.Jpeg, "照片.jpg")]
    [InlineData("照片.JPEG", Evidence.Jpeg, "照片.JPEG")]
    [InlineData(@"C:\Users\li\Desktop\现场.png", Evidence.Png, "现场.png")]
    [InlineData("../../etc/passwd.pdf", Evidence.Pdf, "passwd.pdf")]
    [InlineData("扫描件.pdf", Evidence.Png, "扫描件.png")]
    [InlineData("evil.exe", Evidence.Png, "evil.exe.png")]
    [InlineData("no-extension", Evidence.Pdf, "no-extension.pdf")]
    [InlineData("bad\u0000\u0007name\r\n.png", Evidence.Png, "badname.png")]
    [InlineData("invoice\u202Egnp.exe", Evidence.Png, "invoicegnp.exe.png")]
    [InlineData("a<b>c:d\"e|f?g*.pdf", Evidence.Pdf, "a_b_c_d_e_f_g_.pdf")]
    [InlineData("  .hidden.png  ", Evidence.Png, "hidden.png")]
    [InlineData("", Evidence.Pdf, "整改佐证.pdf")]
    [InlineData(null, Evidence.Jpeg, "整改佐证.jpg")]
    [InlineData("C:\\", Evidence.Jpeg, "整改佐证.jpg")]
    public void Sanitize_Names_AreSafeAndMatchTheirType(string? name, string type, string expected) =>
        Assert.Equal(expected, EvidenceNames.Sanitize(name, type));

    [Fact]
    public void Sanitize_LongName_KeepsTheExtensionWithin200AndSplitsNoCharacter()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 150)) + ".png";

        var sanitized = EvidenceNames.Sanitize(name, Evidence.Png);

        Assert.True(sanitized.Length <= EvidenceNames.MaxLength, $"{sanitized.Length}");
        Assert.EndsWith("😀.png", sanitized, StringComparison.Ordinal);
        Assert.Equal(98, sanitized.EnumerateRunes().Count(r => r.Value == 0x1F600));
    }
}
