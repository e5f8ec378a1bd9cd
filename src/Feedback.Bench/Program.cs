using System.CommandLine;
using Feedback.Bench.Classify;

namespace Feedback.Bench;

/// <summary>`dotnet run -c Release --project src/Feedback.Bench -- &lt;benchmark&gt;`: each figure beside its baseline, in one run.</summary>
internal static class BenchProgram
{
    public static Task<int> Main(string[] args)
    {
        // The benchmark clusters are configured databases, which need a master key: one random key per run, set for this
        // process (in-process tools) and inherited by the server processes it starts.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Keys__Master")))
            Environment.SetEnvironmentVariable("Keys__Master", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return Commands().Parse(args).InvokeAsync();
    }

    private static RootCommand Commands() => new RootCommand("Benchmarks of the 好差评 feedback service: each figure beside its baseline in the same run.")
    {
        IngestBenchmark.CreateCommand(),
        RateBenchmark.CreateCommand(),
        DeadlineBenchmark.CreateCommand(),
        ClassifyBenchCommand.Create(),
        ReportBenchmark.CreateCommand(),
        OrgBenchmark.CreateCommand(),
        PagesBenchmark.CreateCommand(),
    };
}
