using Feedback.Web.Data;

namespace Feedback.Web.Cli;

/// <summary>The service's components without the web server, for subcommands that work on the database.</summary>
internal static class ToolHost
{
    /// <summary>Starts the database (and migrates); <paramref name="connectionString"/> overrides the configured one.</summary>
    public static async Task<WebApplication> StartAsync(CancellationToken ct, string? connectionString = null)
    {
        // Tools print their own output; only warnings from the framework.
        string[] args = ["--Logging:LogLevel:Default=Warning", "--Jobs:RunServer=false"];
        var app = Program.BuildWebApp(connectionString is null ? args : [.. args, $"--ConnectionStrings:{FeedbackDatabase.ConnectionStringName}={connectionString}"]);
        await app.Services.EnsureDatabaseReadyAsync(ct);
        return app;
    }

    /// <summary>Runs a tool body, turning expected failures into one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is PostgresNotInstalledException or ArgumentException or FileNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }
}
