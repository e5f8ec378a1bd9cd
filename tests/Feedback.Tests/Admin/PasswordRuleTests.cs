using Feedback.Web.Accounts;
using Feedback.Web.Admin;

namespace Feedback.Tests.Admin;

public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("short1", "密码太短")]
    [InlineData("wang.xiaoming2026", "密码不能包含用户名")]
    [InlineData("aaaaaaaaaaaa", "太容易被猜到")]
    [InlineData("ababababab", "太容易被猜到")]
    [InlineData("1234567890", "太容易被猜到")]
    [InlineData("0987654321", "太容易被猜到")]
    [InlineData("qwertyuiop", "太容易被猜到")]
    [InlineData("password12", "太容易被猜到")]
    [InlineData("1234561234567", "太容易被猜到")]
    public void Check_WeakPassword_IsRefusedWithReason(string password, string reason)
    {
        var refused = Assert.Throws<RefusedInputException>(() => PasswordRule.Check(password, "wang.xiaoming", 10));

        Assert.Contains(reason, refused.Chinese);
        Assert.Equal("password", refused.Field);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("k7mp-x3qa-9tnw")]
    [InlineData("窗口服务好评率提升计划")]
    public void Check_LongUnguessablePassword_IsAccepted(string password) => PasswordRule.Check(password, "wang.xiaoming", 10);

    [Fact]
    public void Generate_FollowsTheRuleAndTheMinimumLength()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => UserPasswords.Generate("li", 10)).ToList();
        var long20 = UserPasswords.Generate("li", 20);

        Assert.All(passwords, p => PasswordRule.Check(p, "li", 10));
        Assert.Equal(200, passwords.Distinct().Count());
        Assert.True(long20.Length >= 20, long20);
    }
}
