using Feedback.Tests.Infrastructure;
using Feedback.Web.Organization;

namespace Feedback.Tests.Organization;

/// <summary>`org import`, `org export` and `org template` as the real program in its own process.</summary>
public sealed class OrgCommandTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-org-cli-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_CheckThenApplyThenAgain_ShowsAppliesAndThenChangesNothing()
    {
        var path = Write("centre.xlsx", OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W600", "Q01", "命令行窗口", "D04")])));

        var check = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "import", path, "--check"], Ct);
        var absent = await app.FindAsync(OrgKind.Windows, "W600");
        var apply = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "import", path], Ct);
        var again = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "import", path], Ct);

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("新增 窗口 W600 命令行窗口", check.Output);
        Assert.Contains("checked, nothing applied (--check): added 1, changed 0, retired 0, restored 0, unchanged 3", check.Output);
        Assert.Null(absent);
        Assert.Contains("applied: added 1", apply.Output);
        Assert.Equal("cli:org import", Assert.Single(await app.AuditAsync("window", "W600")).Actor);
        Assert.Contains("nothing to change: added 0, changed 0, retired 0, restored 0, unchanged 4", again.Output);
    }

    [Fact]
    public async Task Import_FileWithProblems_PrintsEachBySheetRowAndColumnAndExitsWith1()
    {
        var path = Write("bad.xlsx", OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D60", "某局", "914403001922038217")], staff: [new StaffRow("S600", "=cmd|' /C calc'!A0", "D01")])));

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "import", path], Ct);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([
            "工作表「部门」 第2行 C列「统一社会信用代码」：统一社会信用代码「914403001922038217」校验位错误：按 GB 32100 计算，第18位应为「6」，这里是「7」。请核对代码是否抄错。",
            "工作表「人员」 第2行 B列「姓名」：以「=」开头，电子表格会把它当作公式执行，已拒绝。",
            "2 problem(s) in bad.xlsx; nothing applied.",
        ], lines);
        Assert.Null(await app.FindAsync(OrgKind.Departments, "D60"));
    }

    [Fact]
    public async Task Import_FileOf50Megabytes_IsRefusedBeforeReadingIt()
    {
        var path = Path.Combine(_directory, "huge.xlsx");
        await using (var file = File.Create(path))
            file.SetLength(50L * 1024 * 1024);

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "import", path], Ct);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("文件大小 50.0 MB，超过上限 20 MB，未读取。", result.Output);
    }

    [Fact]
    public async Task ExportToCsvFolderThenImport_ChangesNothing()
    {
        var folder = Path.Combine(_directory, "export");

        var export = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "export", folder], Ct);
        var import = await WebProcess.RunToolAsync(app.ConnectionString, ["org", "import", folder], Ct);

        Assert.Equal(0, export.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "人员.csv")));
        Assert.Contains("nothing to change", import.Output);
    }

    public void Dispose() => TestPostgres.TryDelete(_directory);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
