using Feedback.Web.Organization;

namespace Feedback.Tests.Organization;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91310110666007217T")] // published in hutool's tests
    [InlineData("91310115591693856A")]
    [InlineData("91350100M000100Y43")] // the example used by several validators' documentation
    [InlineData("91230184MA1BUFLT44")]
    [InlineData("92371000MA3MXH0E3W")] // 个体工商户 (registration class 2)
    public void Problem_PublishedCode_IsValid(string code)
    {
        Assert.Null(CreditCode.Problem(code));
        Assert.Equal(code[^1], CreditCode.CheckCharacter(code.AsSpan(0, 17)));
    }

    [Fact]
    public void CheckCharacter_SumDivisibleBy31_IsZero() =>
        Assert.Equal('0', CreditCode.CheckCharacter("11330100002500021"));

    [Theory]
    [InlineData("9144030071526726XH", "第18位应为「G」")]
    [InlineData("914403001922038217", "第18位应为「6」")]
    // An early pilot code that does not follow GB 32100's check: refused, as the standard says.
    [InlineData("91350211M00013FA1N", "校验位错误")]
    public void Problem_WrongCheckCharacter_NamesTheExpectedOne(string code, string expected) =>
        Assert.Contains(expected, CreditCode.Problem(code));

    [Theory]
    [InlineData("9144030071526726X", "应为 18 位")]
    [InlineData("9144030071526726XGG", "应为 18 位")]
    [InlineData("91440300715267I6XG", "含有字符「I」")]
    [InlineData("9144O30071526726XG", "含有字符「O」")]
    [InlineData("91A40300715267268G", "第3至8位")]
    public void Problem_Malformed_SaysWhy(string code, string expected) =>
        Assert.Contains(expected, CreditCode.Problem(code));

    [Theory]
    [InlineData("330100", null)]
    [InlineData("110101", null)]
    [InlineData("810000", null)]
    [InlineData("33010", "6 位数字")]
    [InlineData("33010A", "6 位数字")]
    [InlineData("990100", "不是省级")]
    public void AreaCode_Problem(string code, string? expected)
    {
        var problem = AreaCode.Problem(code);

        if (expected is null)
            Assert.Null(problem);
        else
            Assert.Contains(expected, problem);
    }
}
