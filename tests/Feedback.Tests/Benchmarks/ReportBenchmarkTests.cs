using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Benchmarks;

/// <summary>`bench report` is a documented command: a short run keeps it working.</summary>
public sealed class ReportBenchmarkTests
{
    [Fact]
    public async Task BenchReport_ShortRun_PrintsBothTimesAndTheRatio()
    {
        var result = await WebProcess.RunBenchAsync(["report", "--rows", "20000", "--runs", "1"],
            TestContext.Current.CancellationToken, TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("| ratings in the week and in the week before / cases of both | 20,000 each / ", result.Output);
        Assert.Matches(@"\| bare SQL aggregate .* \| [\d,]+ ms \|", result.Output);
        Assert.Matches(@"\| ratio report / bare aggregate \| [\d.]+ \|", result.Output);
        Assert.Contains("| PDF size, pages, embedded glyphs |", result.Output);
        Assert.Matches(@"\| all 8 department reports .* \| [\d,]+ ms / [\d,]+ ms \(target ≤ 10000\) \|", result.Output);
        Assert.Matches(@"\| /overview uncached, 21 reads: query and both SVG charts p50 / p95 \| [\d,]+ ms / [\d,]+ ms \(target ≤ 200\) \|", result.Output);
        Assert.Matches(@"\| rating_hours: counting both weeks .* \| [\d,]+ ms \|", result.Output);
    }
}
