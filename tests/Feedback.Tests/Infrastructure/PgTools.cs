using System.Diagnostics;
using Npgsql;

namespace Feedback.Tests.Infrastructure;

/// <summary>pg_dump and pg_restore from the machine's PostgreSQL binaries, found where the test cluster finds initdb.</summary>
public static class PgTools
{
    public static async Task DumpAsync(string connectionString, string file, CancellationToken ct) =>
        await RunAsync("pg_dump", connectionString, ["-Fc", "-f", file], ct);

    public static async Task RestoreAsync(string file, string connectionString, CancellationToken ct) =>
        await RunAsync("pg_restore", connectionString, ["--no-owner", file], ct);

    private static async Task RunAsync(string tool, string connectionString, string[] arguments, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(Path.Combine(BinDirectory(), tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", target.Username!, "-d", target.Database!, .. arguments])
            info.ArgumentList.Add(argument);
        info.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
    }

    private static string BinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_dump")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .First();
}
