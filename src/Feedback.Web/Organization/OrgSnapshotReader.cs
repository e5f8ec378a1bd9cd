using Npgsql;

namespace Feedback.Web.Organization;

/// <summary>Reads the register into an <see cref="OrgSnapshot"/>: four queries, retired records included.</summary>
internal static class OrgSnapshotReader
{
    private sealed record Entry(string Department, string Name, string Number, DateTimeOffset? RetiredAt);

    public static async Task<OrgSnapshot> ReadAsync(NpgsqlDataSource dataSource, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var departments = await ReadAsync(connection, "SELECT code, code, name, '', retired_at FROM departments", ct);
        var windows = await ReadAsync(connection, "SELECT code, department_code, name, number, retired_at FROM windows", ct);
        var staff = await ReadAsync(connection, "SELECT code, department_code, name, '', retired_at FROM staff", ct);
        var items = await ReadAsync(connection, "SELECT code, department_code, name, '', retired_at FROM service_items", ct);
        return new OrgSnapshot(
            departments.Keys.ToHashSet(StringComparer.Ordinal),
            Map(windows, e => e.Department),
            Map(staff, e => e.Department),
            Map(items, e => e.Department),
            new OrgNames(Map(departments, e => e.Name), Map(windows, e => (e.Name, e.Number)), Map(staff, e => e.Name), Map(items, e => e.Name)),
            now)
        {
            Retired = new OrgRetired(Retired(departments), Retired(windows), Retired(staff), Retired(items)),
        };
    }

    private static Dictionary<string, T> Map<T>(Dictionary<string, Entry> entries, Func<Entry, T> value) =>
        entries.ToDictionary(e => e.Key, e => value(e.Value), StringComparer.Ordinal);

    private static Dictionary<string, DateTimeOffset> Retired(Dictionary<string, Entry> entries) =>
        entries.Where(e => e.Value.RetiredAt is not null).ToDictionary(e => e.Key, e => e.Value.RetiredAt!.Value, StringComparer.Ordinal);

    private static async Task<Dictionary<string, Entry>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var rows = new Dictionary<string, Entry>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetString(0)] = new Entry(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
        }
        return rows;
    }
}
