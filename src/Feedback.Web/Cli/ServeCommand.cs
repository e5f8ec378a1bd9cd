using System.CommandLine;
using Feedback.Web.Data;
using Feedback.Web.Demo;

namespace Feedback.Web.Cli;

internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static readonly Option<string?> Urls = new("--urls") { Description = $"Addresses to listen on (default {DefaultUrls})." };
    public static readonly Option<bool> Demo = new("--demo") { Description = "Fill an empty database with a demo centre and several weeks of ratings." };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web service, pages and job server (the default).") { Urls, Demo };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(RunAsync);
        return command;
    }

    public static Task<int> RunAsync(ParseResult result, CancellationToken ct) => ToolHost.RunAsync(() => ServeAsync(result, ct));

    private static async Task<int> ServeAsync(ParseResult result, CancellationToken ct)
    {
        var urls = result.GetValue(Urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrls;
        await using var app = Program.BuildWebApp([$"--urls={urls}", .. result.UnmatchedTokens]);
        // The embedded cluster first, so that missing PostgreSQL binaries are one clear line (exit code 2). A configured
        // server that is down is waited for in the background while the service answers 503.
        _ = app.Services.GetRequiredService<FeedbackDatabase>().ConnectionString;
        if (result.GetValue(Demo))
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().WaitUntilReadyAsync(ct);
            await DemoSeeder.SeedIfEmptyAsync(app.Services, Console.Error, ct);
        }
        await app.RunAsync();
        // A start-up step that stops the server (a failed migration, another master key) sets the exit code.
        return Environment.ExitCode;
    }
}
