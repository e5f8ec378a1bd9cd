using System.CommandLine;
using System.Diagnostics;
using Feedback.Web.Cli;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;
using Npgsql;
using NpgsqlTypes;

namespace Feedback.Bench;

/// <summary>
/// `bench org`: a province-sized register (200 departments, 5,000 windows, 50,000 staff, 20,000 items) written as an
/// .xlsx and imported the way `org import` does it (read, validate whole, apply in one transaction with an audit entry
/// per record), then imported again (nothing to change), beside a raw binary COPY of the same rows into bare copies of
/// the four tables. Each run starts from a register without the province's rows.
/// </summary>
internal static class OrgBenchmark
{
    public static Command CreateCommand()
    {
        var departments = new Option<int>("--departments") { DefaultValueFactory = _ => 200 };
        var windows = new Option<int>("--windows") { DefaultValueFactory = _ => 5_000 };
        var staff = new Option<int>("--staff") { DefaultValueFactory = _ => 50_000 };
        var items = new Option<int>("--items") { DefaultValueFactory = _ => 20_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs (the median is reported).", DefaultValueFactory = _ => 3 };
        var command = new Command("org", "org import of a province-sized .xlsx (target ≤ 10 s) beside a raw COPY of the same rows.")
            { departments, windows, staff, items, runs };
        command.SetAction((result, ct) => ToolHost.RunAsync(() => RunAsync(
            OrgBenchData.Generate(result.GetValue(departments), result.GetValue(windows), result.GetValue(staff), result.GetValue(items)),
            Math.Max(1, result.GetValue(runs)), ct)));
        return command;
    }

    private sealed record Run(TimeSpan Read, TimeSpan Apply, TimeSpan Again, TimeSpan Copy)
    {
        public TimeSpan Import => Read + Apply;
    }

    private static async Task<int> RunAsync(OrgBenchData data, int runs, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"feedback-bench-org-{Guid.NewGuid():N}.xlsx");
        var clock = Stopwatch.StartNew();
        await File.WriteAllBytesAsync(file, OrgFileWriter.Xlsx(data.ByKind()), ct);
        Console.Error.WriteLine($"bench org: wrote {data.Count:N0} rows as .xlsx ({new FileInfo(file).Length / 1024.0 / 1024:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s");
        Console.Error.WriteLine("bench org: starting a throwaway PostgreSQL cluster…");
        await using var cluster = await BenchCluster.StartAsync(ct);
        await using var app = await ToolHost.StartAsync(ct, cluster.ConnectionString);
        try
        {
            var results = new List<Run>();
            for (var run = 1; run <= runs; run++)
            {
                Console.Error.WriteLine($"bench org: run {run} of {runs}");
                results.Add(await RunOnceAsync(cluster, app.Services, data, file, ct));
            }
            Console.WriteLine(Table(data, new FileInfo(file).Length, results));
            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<Run> RunOnceAsync(BenchCluster cluster, IServiceProvider services, OrgBenchData data, string file, CancellationToken ct)
    {
        await cluster.ExecuteAsync("""
            DELETE FROM staff WHERE code LIKE 'P%'; DELETE FROM service_items WHERE code LIKE 'P%';
            DELETE FROM windows WHERE code LIKE 'P%'; DELETE FROM departments WHERE code LIKE 'P%';
            """, ct);
        await cluster.ExecuteAsync("VACUUM ANALYZE departments, windows, staff, service_items", ct);
        var copy = await CopyAsync(cluster, data, ct);
        var (cpu, databaseCpu) = (Environment.CpuUsage.TotalTime, await BackendCpu.OfOtherSessionsAsync(cluster.ConnectionString, ct));
        var clock = Stopwatch.StartNew();
        var input = OrgImportCommand.Read(file);
        var read = clock.Elapsed;
        var readCpu = Environment.CpuUsage.TotalTime - cpu;
        var first = await ImportAsync(services, input, ct);
        Console.Error.WriteLine($"bench org: CPU: read {readCpu.TotalSeconds:F2} s, validate and apply {(Environment.CpuUsage.TotalTime - cpu - readCpu).TotalSeconds:F2} s, " +
            $"its PostgreSQL sessions {(await BackendCpu.OfOtherSessionsAsync(cluster.ConnectionString, ct) - databaseCpu).TotalSeconds:F2} s");
        var again = await ImportAsync(services, OrgImportCommand.Read(file), ct);
        if (first.Outcome != OrgOutcome.Applied || first.Plan.Count(OrgAction.Created) != data.Count || again.Outcome != OrgOutcome.Unchanged)
            throw new InvalidOperationException($"import: {first.Outcome} ({first.Plan.Problems.Count} problems), then {again.Outcome}.");
        Console.Error.WriteLine($"bench org: read {read.TotalSeconds:F2} s, validate and apply {first.Elapsed.TotalSeconds:F2} s, again {again.Elapsed.TotalSeconds:F2} s, COPY {copy.TotalSeconds:F2} s");
        return new Run(read, first.Elapsed, read + again.Elapsed, copy);
    }

    private static async Task<OrgResult> ImportAsync(IServiceProvider services, OrgInput input, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrgImporter>().ApplyAsync(input, false, "bench:org", null, ct);
    }

    /// <summary>The floor: the same rows by binary COPY into bare copies of the tables (no keys, no checks, no audit).</summary>
    private static async Task<TimeSpan> CopyAsync(BenchCluster cluster, OrgBenchData data, CancellationToken ct)
    {
        await cluster.ExecuteAsync("""
            DROP TABLE IF EXISTS copy_departments, copy_windows, copy_staff, copy_items;
            CREATE TABLE copy_departments (code text, name text, credit_code text, area_code text);
            CREATE TABLE copy_windows (code text, number text, name text, department_code text, hall text);
            CREATE TABLE copy_staff (code text, name text, department_code text, window_code text, retired boolean);
            CREATE TABLE copy_items (code text, name text, department_code text, kind text, promised_days smallint);
            """, ct);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        var clock = Stopwatch.StartNew();
        await CopyAsync(connection, "copy_departments", data.Departments, r => { var d = (DepartmentRow)r; return [d.Code, d.Name, d.CreditCode, d.AreaCode]; }, ct);
        await CopyAsync(connection, "copy_windows", data.Windows, r => { var w = (WindowRow)r; return [w.Code, w.Number, w.Name, w.DepartmentCode, w.Hall]; }, ct);
        await CopyAsync(connection, "copy_staff", data.Staff, r => { var s = (StaffRow)r; return [s.Code, s.Name, s.DepartmentCode, s.WindowCode, !s.Active]; }, ct);
        await CopyAsync(connection, "copy_items", data.Items,
            r => { var i = (ServiceItemRow)r; return [i.Code, i.Name, i.DepartmentCode, i.Kind, i.PromisedDays is { } d ? (short)d : null]; }, ct);
        return clock.Elapsed;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<IOrgRow> rows, Func<IOrgRow, object?[]> values, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
            await writer.WriteRowAsync(ct, values(row));
        await writer.CompleteAsync(ct);
    }

    private static string Table(OrgBenchData data, long fileBytes, List<Run> runs)
    {
        var median = runs.OrderBy(r => r.Import).ElementAt(runs.Count / 2);
        return $"""
            | measure ({data.Departments.Count:N0} departments, {data.Windows.Count:N0} windows, {data.Staff.Count:N0} staff, {data.Items.Count:N0} items; median of {runs.Count}) | value |
            |---|---|
            | .xlsx file | {fileBytes / 1024.0 / 1024:F1} MB |
            | org import, first time: read the .xlsx | {median.Read.TotalSeconds:F2} s |
            | org import, first time: validate, apply in one transaction, audit {data.Count:N0} entries | {median.Apply.TotalSeconds:F2} s |
            | **org import, first time, total** (target ≤ 10 s) | **{median.Import.TotalSeconds:F2} s** ({data.Count / median.Import.TotalSeconds:N0} rows/s) |
            | org import again, nothing to change (read + validate) | {median.Again.TotalSeconds:F2} s |
            | raw binary COPY of the same rows into bare tables | {median.Copy.TotalSeconds:F2} s ({data.Count / median.Copy.TotalSeconds:N0} rows/s) |
            | import / COPY | {median.Import.TotalSeconds / median.Copy.TotalSeconds:F1}× |
            | all runs, import total | {string.Join(", ", runs.Select(r => $"{r.Import.TotalSeconds:F2} s"))} |
            """;
    }
}
