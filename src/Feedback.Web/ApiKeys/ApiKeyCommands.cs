using System.CommandLine;
using Feedback.Web.Cli;
using Feedback.Web.Data;

namespace Feedback.Web.ApiKeys;

internal static class ApiKeyCommands
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who uses the key (e.g. the hall pad system).", Required = true };
        var scope = new Option<string>("--scope") { Description = "ingest, read or admin.", Required = true };
        scope.AcceptOnlyFromAmong(ApiKeyScopes.All);
        var create = new Command("create", "Create an API key and print it once; only its hash is stored.") { name, scope };
        create.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            await using var host = await ToolHost.StartPeopleAsync(ct);
            await using var scopeServices = host.Services.CreateAsyncScope();
            var db = scopeServices.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var key = await ApiKeyService.CreateAsync(db, result.GetValue(name)!, result.GetValue(scope)!, "cli:apikey create", TimeProvider.System, ct);
            Console.WriteLine(key);
            return 0;
        }));
        return new Command("apikey", "Manage API keys for machines.") { create };
    }
}
