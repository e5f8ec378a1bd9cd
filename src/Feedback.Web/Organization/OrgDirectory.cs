using Npgsql;

namespace Feedback.Web.Organization;

/// <summary>
/// The organisation's codes and names, held in memory so that validating a rating or showing the QR page costs no query.
/// Retired records stay, with their names (history shows them), and when they were retired (new ratings are refused).
/// </summary>
public sealed record OrgSnapshot(
    IReadOnlySet<string> Departments,
    IReadOnlyDictionary<string, string> WindowDepartments,
    IReadOnlyDictionary<string, string> StaffDepartments,
    IReadOnlyDictionary<string, string> ServiceItemDepartments,
    OrgNames Names,
    DateTimeOffset LoadedAt)
{
    /// <summary>When each retired record was retired, by kind; a code not listed is active.</summary>
    public OrgRetired Retired { get; init; } = OrgRetired.None;
    /// <summary>The register's change counter when this was read (see <see cref="OrgDirectory"/>).</summary>
    public long Version { get; init; }
}

/// <summary>What citizens read: names by code, and each window's number (e.g. A01).</summary>
public sealed record OrgNames(
    IReadOnlyDictionary<string, string> Departments,
    IReadOnlyDictionary<string, (string Name, string Number)> Windows,
    IReadOnlyDictionary<string, string> Staff,
    IReadOnlyDictionary<string, string> ServiceItems);

/// <summary>Retirement times by code: departments abolished, windows closed, staff who left, items withdrawn.</summary>
public sealed record OrgRetired(
    IReadOnlyDictionary<string, DateTimeOffset> Departments,
    IReadOnlyDictionary<string, DateTimeOffset> Windows,
    IReadOnlyDictionary<string, DateTimeOffset> Staff,
    IReadOnlyDictionary<string, DateTimeOffset> ServiceItems)
{
    public static readonly OrgRetired None = new(
        new Dictionary<string, DateTimeOffset>(), new Dictionary<string, DateTimeOffset>(), new Dictionary<string, DateTimeOffset>(), new Dictionary<string, DateTimeOffset>());
}

/// <summary>
/// Caches <see cref="OrgSnapshot"/>. Every change to the register's tables bumps a counter (a statement trigger), which
/// is read at most every <see cref="CheckInterval"/>: another process's change is seen within that time. An unknown
/// code also triggers a reload, at most once per <see cref="MinReloadInterval"/>.
/// </summary>
public sealed class OrgDirectory(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private OrgSnapshot? _snapshot;
    private long _checkedAtTicks;
    private int _checking;

    public async ValueTask<OrgSnapshot> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is null)
            return await ReloadAsync(ct);
        if (time.GetUtcNow().UtcTicks - Interlocked.Read(ref _checkedAtTicks) < CheckInterval.Ticks || Interlocked.Exchange(ref _checking, 1) == 1)
            return current;
        try
        {
            Interlocked.Exchange(ref _checkedAtTicks, time.GetUtcNow().UtcTicks);
            return await ReadVersionAsync(ct) == current.Version ? current : await ReloadAsync(ct);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

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

    private async Task<long> ReadVersionAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM org_register_version");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<OrgSnapshot> ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            // The counter first: data read afterwards is at least as new, so a change is never missed.
            var version = await ReadVersionAsync(ct);
            var snapshot = await OrgSnapshotReader.ReadAsync(dataSource, time.GetUtcNow(), ct) with { Version = version };
            Interlocked.Exchange(ref _checkedAtTicks, time.GetUtcNow().UtcTicks);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }
}
