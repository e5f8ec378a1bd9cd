using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Benchmarks;

/// <summary>The benchmark is a documented command: a short run keeps it working as the schema and the API change.</summary>
public sealed class IngestBenchmarkTests
{
    [Fact]
    public async Task BenchIngest_ShortRun_PrintsEveryFigureAndFindsEveryAcknowledgedRating()
    {
        var result = await WebProcess.RunBenchAsync(["ingest", "--seconds", "2", "--clients", "2", "--import-rows", "2000"],
            TestContext.Current.CancellationToken, TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("| pgbench single-row INSERT, 2 clients |", result.Output);
        Assert.Contains("| ratio to pgbench |", result.Output);
        Assert.Contains("| server peak RSS |", result.Output);
        Assert.Contains("| ratio to COPY into a bare table, median of 3 rounds (", result.Output);
        Assert.Contains("| import of the same rows |", result.Output);
        Assert.Contains("/ 0 |", result.Output); // no failed requests
    }
}
