using System.Diagnostics;
using System.Globalization;
using System.Text;
using Feedback.Web.Cli;
using Feedback.Web.Import;
using Npgsql;

namespace Feedback.Bench;

/// <summary>One round: rows/s of each load of the same file.</summary>
internal sealed record ImportRound(double CopyRowsPerSecond, double IndexedCopyRowsPerSecond, double ImportRowsPerSecond)
{
    public double Ratio => ImportRowsPerSecond / CopyRowsPerSecond;
    public double IndexedRatio => ImportRowsPerSecond / IndexedCopyRowsPerSecond;
}

/// <summary>
/// The same generated CSV loaded three ways: raw COPY into a bare table of its columns; raw COPY into a copy of the
/// evaluations table (same indexes and identity; the reason codes land in an extra text column); then `import`.
/// Run in rounds, each with its own file and fresh baseline tables, and reported by the median round: on this
/// machine a single COPY's time varies by a third between runs. The import's table keeps the earlier rounds' rows,
/// so later rounds insert into larger indexes than the baselines do, which counts against the import.
/// </summary>
internal static class ImportBenchmark
{
    /// <summary>`bench ingest --import-only`: just this phase, on its own throwaway cluster.</summary>
    public static async Task<int> ReportAsync(int rows, int rounds, CancellationToken ct)
    {
        Console.Error.WriteLine("bench import: starting a throwaway PostgreSQL cluster…");
        await using var cluster = await BenchCluster.StartAsync(ct);
        var report = new StringBuilder().AppendLine("| measure | value |").AppendLine("|---|---|");
        AppendRows(report, rows, await RunAsync(cluster, rows, rounds, ct));
        Console.WriteLine(report);
        return 0;
    }

    public static void AppendRows(StringBuilder report, int rows, IReadOnlyList<ImportRound> rounds)
    {
        var median = rounds.OrderBy(r => r.Ratio).ElementAt(rounds.Count / 2);
        var ratios = string.Join(", ", rounds.Select(r => r.Ratio.ToString("F2", CultureInfo.InvariantCulture)));
        report.AppendLine($"| raw COPY of {rows:N0} rows into a bare table (median round) | {median.CopyRowsPerSecond:N0} rows/s |");
        report.AppendLine($"| raw COPY of the same rows into a copy of the evaluations table | {median.IndexedCopyRowsPerSecond:N0} rows/s |");
        report.AppendLine($"| import of the same rows | {median.ImportRowsPerSecond:N0} rows/s |");
        report.AppendLine($"| ratio to COPY into a bare table, median of {rounds.Count} rounds ({ratios}) | {median.Ratio:F2} (target ≥ 0.25) |");
        report.AppendLine($"| ratio to COPY into the evaluations table | {median.IndexedRatio:F2} |");
    }

    public static async Task<IReadOnlyList<ImportRound>> RunAsync(BenchCluster cluster, int rows, int rounds, CancellationToken ct)
    {
        var results = new List<ImportRound>(rounds);
        await using var app = await ToolHost.StartAsync(ct, cluster.ConnectionString);
        for (var round = 1; round <= rounds; round++)
        {
            Console.Error.WriteLine($"bench import: round {round} of {rounds}");
            results.Add(await RunRoundAsync(cluster, app.Services, rows, $"IMP{round}-", ct));
        }
        return results;
    }

    private static async Task<ImportRound> RunRoundAsync(BenchCluster cluster, IServiceProvider services, int rows, string prefix, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"feedback-import-{Guid.NewGuid():N}.csv");
        try
        {
            Console.Error.WriteLine($"bench import: writing {rows:N0} rows…");
            await BenchCsv.WriteAsync(file, rows, prefix, ct);
            Console.Error.WriteLine("bench import: raw COPY…");
            var copy = await CopyAsync(cluster, "copy_baseline", file, ct);
            Console.Error.WriteLine("bench import: raw COPY into a copy of the evaluations table…");
            var indexedCopy = await CopyAsync(cluster, "copy_indexed", file, ct);
            Console.Error.WriteLine("bench import: import…");
            var runner = ActivatorUtilities.CreateInstance<ImportRunner>(services);
            var (ownCpu, allocated, gcPause, gen0, gen1, jit) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), System.Runtime.JitInfo.GetCompilationTime());
            var databaseCpu = await BackendCpu.OfOtherSessionsAsync(cluster.ConnectionString, ct);
            var summary = await runner.RunAsync(file, _ => { }, null, ct);
            ownCpu = Environment.CpuUsage.TotalTime - ownCpu;
            databaseCpu = await BackendCpu.OfOtherSessionsAsync(cluster.ConnectionString, ct) - databaseCpu;
            Console.Error.WriteLine($"bench import: allocated {(GC.GetTotalAllocatedBytes() - allocated) / rows:N0} bytes per row, " +
                $"GC pauses {(GC.GetTotalPauseDuration() - gcPause).TotalSeconds:F1} s, collections {GC.CollectionCount(0) - gen0} (gen1+ {GC.CollectionCount(1) - gen1}), " +
                $"JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalSeconds:F1} s");
            Console.Error.WriteLine($"bench import: CPU per row: import process {ownCpu.TotalMicroseconds / rows:F1} µs, " +
                $"its PostgreSQL sessions {databaseCpu.TotalMicroseconds / rows:F1} µs, wall {summary.Elapsed.TotalMicroseconds / rows:F1} µs");
            if (summary.Created != rows)
            {
                throw new InvalidOperationException($"import stored {summary.Created} of {rows} rows ({summary.Invalid} invalid).");
            }
            return new ImportRound(rows / copy.TotalSeconds, rows / indexedCopy.TotalSeconds, rows / summary.Elapsed.TotalSeconds);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private const string CsvColumns = """
        case_number, channel, rating, reason_text, comment, department_code, window_code, staff_code, service_item_code,
        assess_number, evaluated_at
        """;

    private static async Task<TimeSpan> CopyAsync(BenchCluster cluster, string table, string file, CancellationToken ct)
    {
        await cluster.ExecuteAsync(table == "copy_indexed"
            ? """
              DROP TABLE IF EXISTS copy_indexed;
              CREATE TABLE copy_indexed (LIKE evaluations INCLUDING ALL);
              ALTER TABLE copy_indexed ADD COLUMN reason_text text, ALTER COLUMN received_at SET DEFAULT now(),
                ALTER COLUMN anonymous SET DEFAULT true, ALTER COLUMN is_default SET DEFAULT false, ALTER COLUMN needs_review SET DEFAULT false;
              """
            : """
              DROP TABLE IF EXISTS copy_baseline;
              CREATE TABLE copy_baseline (case_number varchar(64), channel varchar(16), rating smallint, reason_text text,
                comment varchar(1000), department_code varchar(32), window_code varchar(32), staff_code varchar(32),
                service_item_code varchar(32), assess_number smallint, evaluated_at timestamptz)
              """, ct);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        var backendCpu = BackendCpu.Of(connection.ProcessID);
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync($"COPY {table} ({CsvColumns}) FROM STDIN (FORMAT csv, HEADER true)", ct))
        {
            using var reader = new StreamReader(file);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        var elapsed = clock.Elapsed;
        Console.Error.WriteLine($"bench import: {table}: PostgreSQL CPU {(BackendCpu.Of(connection.ProcessID) - backendCpu).TotalMicroseconds / 1e6:F1} s, wall {elapsed.TotalSeconds:F1} s");
        return elapsed;
    }
}
