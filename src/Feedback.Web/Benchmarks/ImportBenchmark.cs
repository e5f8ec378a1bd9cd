using System.Diagnostics;
using Feedback.Web.Data;
using Feedback.Web.Import;
using Npgsql;

namespace Feedback.Web.Benchmarks;

internal sealed record ImportBenchResult(double CopyRowsPerSecond, double ImportRowsPerSecond);

/// <summary>The same generated CSV loaded twice: raw COPY into a table of its columns, then through `import`.</summary>
internal static class ImportBenchmark
{
    public static async Task<ImportBenchResult> RunAsync(BenchCluster cluster, int rows, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"feedback-import-{Guid.NewGuid():N}.csv");
        try
        {
            Console.Error.WriteLine($"bench import: writing {rows:N0} rows…");
            await BenchCsv.WriteAsync(file, rows, ct);
            Console.Error.WriteLine("bench import: raw COPY…");
            var copy = await CopyAsync(cluster, file, ct);
            Console.Error.WriteLine("bench import: import…");
            await using var app = Program.BuildWebApp(["--Logging:LogLevel:Default=Warning", "--Jobs:RunServer=false", $"--ConnectionStrings:Feedback={cluster.ConnectionString}"]);
            await app.Services.EnsureDatabaseReadyAsync(ct);
            var runner = ActivatorUtilities.CreateInstance<ImportRunner>(app.Services);
            var summary = await runner.RunAsync(file, _ => { }, null, ct);
            if (summary.Created != rows)
            {
                throw new InvalidOperationException($"import stored {summary.Created} of {rows} rows ({summary.Invalid} invalid).");
            }
            return new ImportBenchResult(rows / copy.TotalSeconds, rows / summary.Elapsed.TotalSeconds);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<TimeSpan> CopyAsync(BenchCluster cluster, string file, CancellationToken ct)
    {
        await cluster.ExecuteAsync("""
            CREATE TABLE copy_baseline (case_number varchar(64), channel varchar(16), rating smallint, reason_codes text,
              comment varchar(1000), department_code varchar(32), window_code varchar(32), staff_code varchar(32),
              service_item_code varchar(32), assess_number smallint, evaluated_at timestamptz)
            """, ct);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync("COPY copy_baseline FROM STDIN (FORMAT csv, HEADER true)", ct))
        {
            using var reader = new StreamReader(file);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return clock.Elapsed;
    }
}
