using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Feedback.Web.Data;

namespace Feedback.Bench;

/// <summary>The baseline: pgbench single-row INSERTs of rows shaped like ours, on the same server.</summary>
internal static partial class PgBench
{
    public static async Task<double> InsertTpsAsync(BenchCluster cluster, int clients, int seconds, CancellationToken ct)
    {
        await cluster.ExecuteAsync("CREATE TABLE pgbench_evaluations (LIKE evaluations INCLUDING ALL)", ct);
        var script = Path.Combine(Path.GetTempPath(), $"feedback-pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(script, """
            \set n random(1, 9000000000000000)
            INSERT INTO pgbench_evaluations (case_number, assess_number, channel, rating, reason_codes, comment, department_code, window_code, staff_code, service_item_code, anonymous, evaluated_at, received_at, is_default) VALUES ('PG' || :n, 1, 'qr', 5, '{}', '窗口工作人员很耐心，一次就办好了', 'D01', 'W001', 'S001', 'I001', true, now(), now(), false);
            """, ct);
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString);
            var info = new ProcessStartInfo(Path.Combine(cluster.Postgres.BinDirectory, "pgbench"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "-n", "-c", $"{clients}", "-j", "2", "-T", $"{seconds}", "-f", script, "-h", "127.0.0.1", "-p", $"{builder.Port}", "-U", builder.Username!, builder.Database! })
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["PGPASSWORD"] = builder.Password;
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var match = TpsPattern().Match(output);
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench failed: {output}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();
}
