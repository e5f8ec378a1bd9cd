using System.CommandLine;
using System.Text;
using Feedback.Web.Cli;

namespace Feedback.Web.Accounts;

internal static class UserCommands
{
    public const string PasswordVariable = "FEEDBACK_PASSWORD";

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(", ", Roles.All) + ".", Required = true };
        var department = new Option<string?>("--department") { Description = "Department code; required for department officers and heads." };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown on the pages (default: the sign-in name)." };
        var create = new Command("create", $"Create a user; the password comes from {PasswordVariable} or is asked for twice.")
        {
            name, role, department, displayName,
        };
        create.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            var password = ReadPassword();
            await using var host = await ToolHost.StartPeopleAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            var request = new NewUser(result.GetValue(name)!, result.GetValue(displayName) ?? "", result.GetValue(role)!, result.GetValue(department), password);
            var user = await users.CreateAsync(request, "cli:user create", ct);
            Console.WriteLine($"Created user {user.UserName} ({user.Role}{(user.DepartmentCode is null ? "" : ", " + user.DepartmentCode)}).");
            return 0;
        }));
        return new Command("user", "Manage the people who sign in to the pages.") { create, CreateUpdate() };
    }

    private static Command CreateUpdate()
    {
        var name = new Option<string>("--name") { Description = "Sign-in name.", Required = true };
        var role = new Option<string?>("--role") { Description = string.Join(", ", Roles.All) + "." };
        var department = new Option<string?>("--department") { Description = "Department code (department officers and heads)." };
        var disable = new Option<bool>("--disable") { Description = "Stop the account signing in; its sessions end within a minute." };
        var enable = new Option<bool>("--enable") { Description = "Let a disabled account sign in again." };
        var update = new Command("update", "Change a user's role or department, or disable or enable the account.") { name, role, department, disable, enable };
        update.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            bool? disabled = result.GetValue(disable) ? true : result.GetValue(enable) ? false : null;
            await using var host = await ToolHost.StartPeopleAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var change = new UserChange(Role: result.GetValue(role), DepartmentCode: result.GetValue(department), Disabled: disabled);
            var user = await scope.ServiceProvider.GetRequiredService<UserService>().UpdateAsync(result.GetValue(name)!, change, "cli:user update", ct);
            Console.WriteLine($"Updated user {user.UserName} ({user.Role}{(user.DepartmentCode is null ? "" : ", " + user.DepartmentCode)}{(user.Disabled ? ", disabled" : "")}).");
            return 0;
        }));
        return update;
    }

    private static string ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        if (Console.IsInputRedirected)
        {
            throw new ArgumentException($"No terminal to ask for the password; set {PasswordVariable}.");
        }
        var first = Prompt("Password: ");
        return Prompt("Repeat password: ") == first ? first : throw new ArgumentException("The passwords differ.");
    }

    // Prompts go to stderr so that stdout carries only the result; keys are not echoed.
    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}
