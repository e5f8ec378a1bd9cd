using Npgsql;

namespace Feedback.Web.Organization;

/// <summary>
/// The organisation's codes and names, held in memory so that validating a rating or showing the QR page costs no query.
/// </summary>
public sealed record OrgSnapshot(
    IReadOnlySet<string> Departments,
    IReadOnlyDictionary<string, string> WindowDepartments,
    IReadOnlyDictionary<string, string> StaffDepartments,
    IReadOnlyDictionary<string, string> ServiceItemDepartments,
    OrgNames Names,
    DateTimeOffset LoadedAt);

/// <summary>What citizens read: names by code, and each window's number (e.g. A01).</summary>
public sealed record OrgNames(
    IReadOnlyDictionary<string, string> Departments,
    IReadOnlyDictionary<string, (string Name, string Number)> Windows,
    IReadOnlyDictionary<string, string> Staff,
    IReadOnlyDictionary<string, string> ServiceItems);

/// <summary>
/// Caches <see cref="OrgSnapshot"/>. Another process may add codes, so an unknown code triggers a reload,
/// at most once per <see cref="MinReloadInterval"/>.
/// </summary>
public sealed class OrgDirectory(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private OrgSnapshot? _snapshot;

    public async ValueTask<OrgSnapshot> GetAsync(CancellationToken ct) => _snapshot ?? await ReloadAsync(ct);

    /// <summary>Reloads unless the snapshot is fresher than the minimum interval; returns the current snapshot.</summary>
    public async ValueTask<OrgSnapshot> RefreshAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && time.GetUtcNow() - current.LoadedAt < MinReloadInterval)
        {
            return current;
        }
        return await ReloadAsync(ct);
    }

    /// <summary>Call after changing the organisation in this process.</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<OrgSnapshot> ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var departments = await ReadAsync(connection, "SELECT code, name FROM departments", r => r.GetString(1), ct);
            var windows = await ReadAsync(connection, "SELECT code, department_code, name, number FROM windows", r => (r.GetString(1), r.GetString(2), r.GetString(3)), ct);
            var staff = await ReadAsync(connection, "SELECT code, department_code, name FROM staff", r => (r.GetString(1), r.GetString(2)), ct);
            var items = await ReadAsync(connection, "SELECT code, department_code, name FROM service_items", r => (r.GetString(1), r.GetString(2)), ct);
            var snapshot = new OrgSnapshot(
                departments.Keys.ToHashSet(StringComparer.Ordinal),
                windows.ToDictionary(w => w.Key, w => w.Value.Item1, StringComparer.Ordinal),
                staff.ToDictionary(p => p.Key, p => p.Value.Item1, StringComparer.Ordinal),
                items.ToDictionary(i => i.Key, i => i.Value.Item1, StringComparer.Ordinal),
                new OrgNames(
                    departments,
                    windows.ToDictionary(w => w.Key, w => (w.Value.Item2, w.Value.Item3), StringComparer.Ordinal),
                    staff.ToDictionary(p => p.Key, p => p.Value.Item2, StringComparer.Ordinal),
                    items.ToDictionary(i => i.Key, i => i.Value.Item2, StringComparer.Ordinal)),
                time.GetUtcNow());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static async Task<Dictionary<string, T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var rows = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetString(0)] = read(reader);
        }
        return rows;
    }
}
