using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Import;

/// <summary>`import` end to end: the real program in its own process, so its configuration is its own.</summary>
public sealed class ImportCommandTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IDisposable
{
    private const string Header = "caseNumber,channel,rating,reasonCodes,comment,departmentCode,windowCode";
    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-import-cli-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_FileWithInvalidRows_PrintsEachAndTheSummaryAndExitsWith1()
    {
        var path = WriteCsv($"""
            {Header}
            {TestRatings.NewCaseNumber()},qr,5,,"好, 很好",D01,W001
            {TestRatings.NewCaseNumber()},qr,five,,,D01,W001
            {TestRatings.NewCaseNumber()},qr,4,,,D01,W006
            {TestRatings.NewCaseNumber()},web,4,,,D01,W001
            """);

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["import", path], Ct);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var invalid = lines.Where(l => l.StartsWith("line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, invalid.Count);
        Assert.Equal("line 3: invalid: rating: 'five' is not a valid Int32.", invalid[0]);
        Assert.StartsWith("line 4: invalid: windowCode: The window 'W006' belongs to department 'D02'", invalid[1]);
        Assert.StartsWith("created 2, duplicate 0, invalid 2 (", lines[^1]);
    }

    [Fact]
    public async Task Import_AllRowsValid_PrintsTheSummaryAndExitsWith0()
    {
        var path = WriteCsv($"{Header}\n{TestRatings.NewCaseNumber()},qr,5,,,D01,W001\n{TestRatings.NewCaseNumber()},qr,3,,,D01,W001\n");

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["import", path], Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("created 2, duplicate 0, invalid 0 (", result.Output.Trim());
    }

    [Fact]
    public async Task Import_MissingFile_SaysSoAndExitsWith2()
    {
        var path = Path.Combine(_directory, "missing.csv");

        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["import", path], Ct);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: No such file: {path}", result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    public void Dispose() => TestPostgres.TryDelete(_directory);

    private string WriteCsv(string content)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
