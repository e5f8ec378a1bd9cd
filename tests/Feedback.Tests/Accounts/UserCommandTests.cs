using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;

namespace Feedback.Tests.Accounts;

public sealed class UserCommandTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Dictionary<string, string> PasswordEnvironment = new() { [UserCommands.PasswordVariable] = Browser.Password };

    [Fact]
    public async Task UserCreate_WithPasswordFromEnvironment_UserCanSignIn()
    {
        string[] arguments = ["user", "create", "--name", "cli.officer", "--role", Roles.DepartmentOfficer, "--department", "D04", "--display-name", "窗口专员"];

        var result = await WebProcess.RunToolAsync(app.ConnectionString, arguments, Ct, PasswordEnvironment);
        using var client = await Browser.SignedInAsync(app, "cli.officer");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("你好，窗口专员（部门专员）", await client.GetStringAsync("/", Ct));
    }

    [Fact]
    public async Task UserCreate_WithUnknownRole_Exits2WithOneLine()
    {
        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["user", "create", "--name", "cli.bad", "--role", "boss"], Ct, PasswordEnvironment);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Role must be one of: admin, quality_officer, department_officer, department_head, leader.", result.Error.Trim());
    }
}
