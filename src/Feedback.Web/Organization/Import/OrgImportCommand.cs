using Feedback.Web.Cli;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// `org import`: reads the file (refusing one over the size limit before reading it), validates it whole and prints
/// every problem by sheet, row and column, or the changes; applies them unless --check. Exit code 0, 1 when the file
/// has problems (nothing applied), 2 when it cannot be found.
/// </summary>
internal static class OrgImportCommand
{
    public const int MaxChangesShown = 200;

    public static async Task<int> RunAsync(string path, bool check, bool retireMissing, TextWriter output, CancellationToken ct)
    {
        var input = Read(path);
        await using var app = await ToolHost.StartAsync(ct);
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<OrgImporter>();
        var result = check
            ? await importer.CheckAsync(input, retireMissing, ct)
            : await importer.ApplyAsync(input, retireMissing, "cli:org import", null, ct);
        return await ReportAsync(result, check, output);
    }

    /// <summary>The file's rows; a file over the limit is not read at all.</summary>
    public static OrgInput Read(string path)
    {
        if (Directory.Exists(path))
            return OrgFileReader.ReadFolder(path);
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new FileNotFoundException($"No such file or folder: {path}");
        if (file.Length > OrgFileReader.MaxBytes)
        {
            var input = new OrgInput { FileName = file.Name };
            input.Problems.Add(new(null, null, null, OrgFileReader.TooLarge(file.Length)));
            return input;
        }
        return OrgFileReader.Read([new OrgFilePart(file.Name, File.ReadAllBytes(path))]);
    }

    public static async Task<int> ReportAsync(OrgResult result, bool check, TextWriter output)
    {
        var plan = result.Plan;
        if (result.Outcome == OrgOutcome.Invalid)
        {
            foreach (var problem in plan.Problems)
                await output.WriteLineAsync(TerminalText.Safe(plan.Input.Describe(problem)));
            await output.WriteLineAsync($"{plan.Problems.Count} problem(s) in {plan.Input.FileName}; nothing applied.");
            return 1;
        }
        if (check)
        {
            foreach (var change in plan.Changes.Take(MaxChangesShown))
                await output.WriteLineAsync(TerminalText.Safe(Line(change)));
            if (plan.Changes.Count > MaxChangesShown)
                await output.WriteLineAsync($"… and {plan.Changes.Count - MaxChangesShown:N0} more");
        }
        foreach (var line in plan.Summary())
            await output.WriteLineAsync(line);
        var verb = result.Outcome switch
        {
            OrgOutcome.Applied => "applied",
            OrgOutcome.Checked => "checked, nothing applied (--check)",
            _ => "nothing to change",
        };
        await output.WriteLineAsync($"{verb}: added {plan.Count(OrgAction.Created)}, changed {plan.Count(OrgAction.Updated)}, retired {plan.Count(OrgAction.Retired)}, " +
            $"restored {plan.Count(OrgAction.Restored)}, unchanged {plan.Unchanged} ({result.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    public static string Line(OrgChange change)
    {
        var sheet = OrgLayout.Of(change.Kind);
        var what = change.Before is { } before && before.Name != change.After.Name ? $"{before.Name} → {change.After.Name}" : change.After.Name;
        return $"{OrgPlan.Label(change.Action)} {sheet.Name} {change.Code} {what}";
    }
}
