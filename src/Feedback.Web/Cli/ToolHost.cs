using Feedback.Web.Data;

namespace Feedback.Web.Cli;

/// <summary>The service's components without the web server, for subcommands that work on the database.</summary>
internal static class ToolHost
{
    public static async Task<WebApplication> StartAsync(CancellationToken ct)
    {
        // Tools print their own output; only warnings from the framework.
        var app = Program.BuildWebApp(["--Logging:LogLevel:Default=Warning", "--Jobs:RunServer=false"]);
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
