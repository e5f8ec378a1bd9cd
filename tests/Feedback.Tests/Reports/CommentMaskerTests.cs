using Feedback.Web.Reports;

namespace Feedback.Tests.Reports;

public sealed class CommentMaskerTests
{
    private readonly CommentMasker _masker = new();

    [Theory]
    [InlineData("电话13912345678请回电", "电话139****5678请回电")]
    [InlineData("身份证号11010119900307123X已提交", "身份证号110101********123X已提交")]
    [InlineData("办件号2026112300001234567890不是号码", "办件号2026112300001234567890不是号码")]
    [InlineData("窗口张伟态度差", "窗口张*态度差")]
    [InlineData("排队\n太久\t了", "排队 太久 了")]
    public void Mask_PersonalData_IsHidden(string comment, string expected)
    {
        Assert.Equal(expected, _masker.Mask(comment, ["张伟"]));
    }

    [Fact]
    public void Mask_LongComment_IsCutWithEllipsis()
    {
        var masked = _masker.Mask(new string('慢', 200), []);

        Assert.Equal(CommentMasker.MaxLength + 1, masked.Length);
        Assert.EndsWith("…", masked);
    }
}
