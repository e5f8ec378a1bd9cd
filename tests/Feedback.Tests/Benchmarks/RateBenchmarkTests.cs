using Feedback.Tests.Infrastructure;

namespace Feedback.Tests.Benchmarks;

/// <summary>A short `bench rate` keeps the documented command working as the page and the API change.</summary>
public sealed class RateBenchmarkTests
{
    [Fact]
    public async Task BenchRate_ShortRun_PrintsEveryFigureAndStoresEveryAcknowledgedRating()
    {
        var result = await WebProcess.RunBenchAsync(["rate", "--seconds", "2", "--clients", "2"],
            TestContext.Current.CancellationToken, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("| ratio QR / API |", result.Output);
        Assert.Contains("| rating page (first load, one request) |", result.Output);
        Assert.Matches(@"\(warm-up included\) / 0 \|", result.Output); // no failed rating
    }
}
