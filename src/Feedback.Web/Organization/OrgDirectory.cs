using Npgsql;

namespace Feedback.Web.Organization;

/// <summary>The organisation's codes, held in memory so that validating a rating costs no query.</summary>
public sealed record OrgSnapshot(
    IReadOnlySet<string> Departments,
    IReadOnlyDictionary<string, string> WindowDepartments,
    IReadOnlyDictionary<string, string> StaffDepartments,
    IReadOnlyDictionary<string, string> ServiceItemDepartments,
    DateTimeOffset LoadedAt);

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
            var snapshot = new OrgSnapshot(
                (await ReadPairsAsync(connection, "SELECT code, code FROM departments", ct)).Keys.ToHashSet(),
                await ReadPairsAsync(connection, "SELECT code, department_code FROM windows", ct),
                await ReadPairsAsync(connection, "SELECT code, department_code FROM staff", ct),
                await ReadPairsAsync(connection, "SELECT code, department_code FROM service_items", ct),
                time.GetUtcNow());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static async Task<Dictionary<string, string>> ReadPairsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs[reader.GetString(0)] = reader.GetString(1);
        }
        return pairs;
    }
}
