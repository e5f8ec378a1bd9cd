using Npgsql;

namespace Feedback.Web.Accounts;

/// <summary>
/// Until the first person exists, the service says how to create the first admin: in its log when it starts and on
/// the sign-in page. Only a command run on the server creates one; the web offers no way in without a secret.
/// </summary>
public sealed class FirstRun(NpgsqlDataSource dataSource)
{
    public const string Arguments = "user create --name admin --role admin";

    // People are never deleted, so once someone exists the question is settled for the life of the process.
    private volatile bool _hasUsers;

    public async ValueTask<bool> HasUsersAsync(CancellationToken ct)
    {
        if (_hasUsers)
            return true;
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM users)");
        return _hasUsers = (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The command line that creates the first admin with this very program, run from the service's working directory
    /// (where the embedded database lives) and with its settings. The password is asked for twice, or read from FEEDBACK_PASSWORD.
    /// </summary>
    public static string Command(bool withPaths)
    {
        var process = Environment.ProcessPath ?? "Feedback.Web";
        var viaDotnet = Path.GetFileNameWithoutExtension(process) == "dotnet";
        var program = typeof(FirstRun).Assembly.Location;
        if (!withPaths)
            return viaDotnet ? $"dotnet {Path.GetFileName(program)} {Arguments}" : $"./{Path.GetFileName(process)} {Arguments}";
        var line = viaDotnet ? $"{process} {program} {Arguments}" : $"{process} {Arguments}";
        return $"cd {Environment.CurrentDirectory} && {line}";
    }
}

/// <summary>Logs the first-run instruction when the service starts on a database without people.</summary>
internal sealed class FirstRunNotice(FirstRun firstRun, ILogger<FirstRunNotice> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await firstRun.HasUsersAsync(cancellationToken))
            logger.LogWarning("No user exists yet. Create the first admin on this server with the service's settings: {Command}", FirstRun.Command(withPaths: true));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
