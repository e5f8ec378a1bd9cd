using System.CommandLine;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Feedback.Web.Classification;
using Feedback.Web.Import;
using Feedback.Web.Qr;
using Feedback.Web.Reports;

namespace Feedback.Web.Cli;

/// <summary>The one program's subcommands; with no subcommand it serves.</summary>
internal static class FeedbackCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("好差评 feedback service: web API, pages, scheduled jobs and tools.")
        {
            ServeCommand.Urls,
            ServeCommand.Demo,
        };
        // Hosting arguments (e.g. --environment) pass through to the web host.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(ServeCommand.RunAsync);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ApiKeyCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(Organization.Import.OrgCommands.Create());
        root.Subcommands.Add(QrCommands.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ReclassifyCommand.Create());
        root.AddClassificationCommands();
        return root;
    }
}
