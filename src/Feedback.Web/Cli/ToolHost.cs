using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feedback.Web.Cli;

/// <summary>The service's components without the web server, for subcommands that work on the database.</summary>
internal static class ToolHost
{
    // Tools print their own output; only warnings from the framework.
    private static readonly string[] Arguments = ["--Logging:LogLevel:Default=Warning", "--Jobs:RunServer=false"];

    /// <summary>
    /// Starts the database (and migrates); <paramref name="connectionString"/> overrides the configured one, and
    /// <paramref name="masterKey"/> the configured master key (a configured database needs one).
    /// </summary>
    public static async Task<WebApplication> StartAsync(CancellationToken ct, string? connectionString = null, string? masterKey = null)
    {
        string[] arguments = [.. Arguments,
            .. connectionString is null ? [] : new[] { $"--ConnectionStrings:{FeedbackDatabase.ConnectionStringName}={connectionString}" },
            .. masterKey is null ? [] : new[] { $"--Keys:Master={masterKey}" }];
        var app = Program.BuildWebApp(arguments);
        await app.Services.EnsureDatabaseReadyAsync(ct);
        return app;
    }

    /// <summary>
    /// Only the database and the services that create people and API keys: no web stack, jobs, models or caches, and
    /// no migration step when the schema is current. These are the first commands a new centre types, so they start fast.
    /// </summary>
    public static async Task<ToolServices> StartPeopleAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = Arguments, ContentRootPath = AppContext.BaseDirectory });
        builder.AddDatabase();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddPeople();
        var host = builder.Build();
        var tool = new ToolServices(host);
        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().EnsureReadyAsync(ct, onlyWhenBehind: true);
            return tool;
        }
        catch
        {
            await tool.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a tool body, turning expected failures into one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is PostgresNotInstalledException or Keys.KeyConfigurationException or ArgumentException or FileNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"error: {TerminalText.Safe(ex.Message)}");
            return 2;
        }
    }
}

/// <summary>A tool's services; disposing stops the embedded database if this process started it.</summary>
internal sealed class ToolServices(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    // The database is asynchronously disposable only, so the host must be disposed asynchronously too.
    public ValueTask DisposeAsync() => ((IAsyncDisposable)host).DisposeAsync();
}
