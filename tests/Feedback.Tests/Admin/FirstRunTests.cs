using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Npgsql;

namespace Feedback.Tests.Admin;

/// <summary>An empty database: the service says how to create the first admin, and the commands that do it are quick and audited.</summary>
public sealed class FirstRunTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_NoUsers_SaysHowToCreateTheFirstAdmin_UntilOneExists()
    {
        using var client = Browser.Open(app);

        var empty = await client.GetStringAsync("/signin", Ct);
        await Browser.CreateUserAsync(app, "first.run.admin", Roles.Admin);
        var afterwards = await client.GetStringAsync("/signin", Ct);

        Assert.Contains("尚未创建管理员", empty);
        Assert.Contains($"{FirstRun.Arguments}</code>", empty);
        Assert.DoesNotContain("尚未创建管理员", afterwards);
    }

    [Fact]
    public async Task Serve_EmptyDatabase_LogsTheCommandThatCreatesTheFirstAdmin()
    {
        var database = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync("firstrun");

        await using var server = await WebProcess.StartServerAsync(database, Ct);
        // The notice is written once the database is ready, which may be just after /health first answers.
        for (var i = 0; i < 150 && !server.Log.Any(l => l.Contains("No user exists yet", StringComparison.Ordinal)); i++)
            await Task.Delay(100, Ct);

        var line = Assert.Single(server.Log, l => l.Contains("No user exists yet", StringComparison.Ordinal));
        Assert.Contains($"Feedback.Web.dll {FirstRun.Arguments}", line);
        Assert.Contains("cd ", line);
    }

    [Fact]
    public async Task Commands_OnEmptyDatabase_CreateAdminAndKey_AuditedAsTheCommand()
    {
        var database = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync("firstcli");
        var password = new Dictionary<string, string> { [UserCommands.PasswordVariable] = Browser.Password };

        var user = await WebProcess.RunToolAsync(database, ["user", "create", "--name", "cli.first", "--role", Roles.Admin], Ct, password);
        var key = await WebProcess.RunToolAsync(database, ["apikey", "create", "--name", "cli.key", "--scope", ApiKeyScopes.Ingest], Ct);
        var audit = await ReadAuditAsync(database);

        Assert.True(user.ExitCode == 0, user.Error);
        Assert.True(key.ExitCode == 0, key.Error);
        Assert.Equal(["cli:user create user cli.first created", "cli:apikey create api_key cli.key created"], audit.Select(a => a.Line));
        Assert.All(audit, a => Assert.DoesNotContain(Browser.Password, a.After));
        Assert.DoesNotContain(key.Output.Trim(), audit[1].After);
    }

    private static async Task<List<(string Line, string After)>> ReadAuditAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT actor || ' ' || entity_kind || ' ' || entity_key || ' ' || action, after::text FROM admin_audit ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(Ct))
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
