using Npgsql;

namespace Feedback.Web.Qr;

/// <summary>Where a link was scanned, with the names a citizen reads.</summary>
internal sealed record QrPlace(
    string DepartmentCode, string DepartmentName, string WindowCode, string WindowName, string WindowNumber,
    string? StaffCode, string? StaffName, string? ServiceItemCode, string? ServiceItemName);

/// <summary>
/// The organisation's names in memory, so that showing the page costs no query. A code it does not know
/// reloads it (another process may have added the code), at most once per <see cref="MinReloadInterval"/>.
/// </summary>
internal sealed class QrPlaces(NpgsqlDataSource dataSource, TimeProvider time)
{
    public static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(5);

    private sealed record Names(
        IReadOnlyDictionary<string, (string Name, string Number, string Department, string DepartmentName)> Windows,
        IReadOnlyDictionary<string, (string Name, string Department)> Staff,
        IReadOnlyDictionary<string, (string Name, string Department)> Items,
        DateTimeOffset LoadedAt);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private Names? _names;

    /// <summary>The place, or null if a code is unknown or belongs to another department than the window.</summary>
    public async ValueTask<QrPlace?> FindAsync(QrLink link, CancellationToken ct)
    {
        var names = _names ?? await ReloadAsync(ct);
        if (Resolve(names, link) is { } place)
        {
            return place;
        }
        return time.GetUtcNow() - names.LoadedAt < MinReloadInterval ? null : Resolve(await ReloadAsync(ct), link);
    }

    /// <summary>Every window, ordered by code (posters for the whole centre).</summary>
    public async Task<IReadOnlyList<QrPlace>> AllWindowsAsync(CancellationToken ct)
    {
        var names = await ReloadAsync(ct);
        return [.. names.Windows.Keys.Order(StringComparer.Ordinal).Select(code => Resolve(names, QrLink.Poster(code))!)];
    }

    private static QrPlace? Resolve(Names names, QrLink link)
    {
        if (!names.Windows.TryGetValue(link.WindowCode, out var window))
        {
            return null;
        }
        (string Name, string Department) staff = default, item = default;
        if ((link.StaffCode is { } s && (!names.Staff.TryGetValue(s, out staff) || staff.Department != window.Department))
            || (link.ServiceItemCode is { } i && (!names.Items.TryGetValue(i, out item) || item.Department != window.Department)))
        {
            return null;
        }
        return new(window.Department, window.DepartmentName, link.WindowCode, window.Name, window.Number,
            link.StaffCode, staff.Name, link.ServiceItemCode, item.Name);
    }

    private async Task<Names> ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var windows = await ReadAsync(connection, """
                SELECT w.code, w.name, w.number, d.code, d.name FROM windows w JOIN departments d ON d.code = w.department_code
                """, r => (r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), ct);
            var staff = await ReadAsync(connection, "SELECT code, name, department_code FROM staff", r => (r.GetString(1), r.GetString(2)), ct);
            var items = await ReadAsync(connection, "SELECT code, name, department_code FROM service_items", r => (r.GetString(1), r.GetString(2)), ct);
            return _names = new Names(windows, staff, items, time.GetUtcNow());
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
