using System.CommandLine;
using Feedback.Bench.Classify;

namespace Feedback.Bench;

/// <summary>`dotnet run -c Release --project src/Feedback.Bench -- &lt;benchmark&gt;`: each figure beside its baseline, in one run.</summary>
internal static class BenchProgram
{
    public static Task<int> Main(string[] args) => new RootCommand("Benchmarks of the 好差评 feedback service: each figure beside its baseline in the same run.")
    {
        IngestBenchmark.CreateCommand(),
        RateBenchmark.CreateCommand(),
        DeadlineBenchmark.CreateCommand(),
        ClassifyBenchCommand.Create(),
        ReportBenchmark.CreateCommand(),
        OrgBenchmark.CreateCommand(),
        PagesBenchmark.CreateCommand(),
    }.Parse(args).InvokeAsync();
}
