using System.CommandLine;
using Feedback.Web.Cli;

namespace Feedback.Web.Organization.Import;

/// <summary>`org import FILE [--check] [--retire-missing]`, `org export FILE`, `org template FILE`.</summary>
internal static class OrgCommands
{
    public static Command Create()
    {
        var org = new Command("org", "The organisation register: departments, windows, staff and service items.");
        org.Subcommands.Add(Import());
        org.Subcommands.Add(Export());
        var templateFile = new Argument<FileInfo>("FILE") { Description = "The .xlsx to write." };
        var template = new Command("template", "Write the import template: the four sheets with one example row each.") { templateFile };
        template.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            await File.WriteAllBytesAsync(result.GetValue(templateFile)!.FullName, OrgFileWriter.Template(), ct);
            Console.WriteLine($"wrote {result.GetValue(templateFile)!.FullName}");
            return 0;
        }));
        org.Subcommands.Add(template);
        return org;
    }

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "An .xlsx (sheets 部门, 窗口, 人员, 事项), or a folder or .zip with 部门.csv, 窗口.csv, 人员.csv, 事项.csv." };
        var check = new Option<bool>("--check") { Description = "Validate and show the changes (added, changed, retired) without applying them." };
        var retireMissing = new Option<bool>("--retire-missing") { Description = "Retire stored records of each kind that the file leaves out (off: they are kept as they are)." };
        var command = new Command("import", "Validate the whole file, then apply it in one transaction as an upsert by code (all or nothing).") { file, check, retireMissing };
        command.SetAction((result, ct) => ToolHost.RunAsync(() =>
            OrgImportCommand.RunAsync(result.GetValue(file)!, result.GetValue(check), result.GetValue(retireMissing), Console.Out, ct)));
        return command;
    }

    private static Command Export()
    {
        var file = new Argument<string>("FILE") { Description = "FILE.xlsx, or a folder for the four CSV files." };
        var command = new Command("export", "Write the register in the import's layout (retired records included, marked by 状态).") { file };
        command.SetAction((result, ct) => ToolHost.RunAsync(async () =>
        {
            await using var app = await ToolHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<OrgQueries>();
            var rows = new Dictionary<OrgKind, IReadOnlyList<IOrgRow>>();
            foreach (var sheet in OrgLayout.All)
                rows[sheet.Kind] = await queries.RowsAsync(sheet.Kind, ct);
            foreach (var path in await OrgFileWriter.WriteAsync(result.GetValue(file)!, rows, ct))
                Console.WriteLine($"wrote {path}");
            Console.WriteLine(string.Join(", ", OrgLayout.All.Select(s => $"{s.Path} {rows[s.Kind].Count}")));
            return 0;
        }));
        return command;
    }
}
