using Feedback.Web.Organization;

namespace Feedback.Web.Qr;

/// <summary>Whether a place still takes ratings, and if not, which part of it was retired.</summary>
internal enum QrPlaceState { Open, DepartmentRetired, WindowClosed, StaffLeft, ServiceItemRetired }

/// <summary>Where a link was scanned, with the names a citizen reads.</summary>
internal sealed record QrPlace(
    string DepartmentCode, string DepartmentName, string WindowCode, string WindowName, string WindowNumber,
    string? StaffCode, string? StaffName, string? ServiceItemCode, string? ServiceItemName, QrPlaceState State = QrPlaceState.Open)
{
    public bool IsOpen => State == QrPlaceState.Open;
}

/// <summary>
/// Resolves a link to the names a citizen reads, from the organisation directory's snapshot (no query); a code it
/// does not know refreshes the snapshot, as validation does, since another process may have added the code.
/// </summary>
internal sealed class QrPlaces(OrgDirectory org)
{
    /// <summary>
    /// The place, or null if a code is unknown or belongs to another department than the window. A place whose window
    /// closed (or whose person left, …) is returned with its <see cref="QrPlace.State"/>, so the page can say so.
    /// </summary>
    public async ValueTask<QrPlace?> FindAsync(QrLink link, CancellationToken ct) =>
        Resolve(await org.GetAsync(ct), link) ?? Resolve(await org.RefreshAsync(ct), link);

    /// <summary>Every open window, ordered by code (posters for the whole centre).</summary>
    public async Task<IReadOnlyList<QrPlace>> AllWindowsAsync(CancellationToken ct)
    {
        var snapshot = await org.RefreshAsync(ct);
        return [.. snapshot.WindowDepartments.Keys.Order(StringComparer.Ordinal).Select(code => Resolve(snapshot, QrLink.Poster(code))!).Where(p => p.IsOpen)];
    }

    private static QrPlace? Resolve(OrgSnapshot org, QrLink link)
    {
        if (!org.WindowDepartments.TryGetValue(link.WindowCode, out var department))
        {
            return null;
        }
        string? staffName = null, itemName = null;
        if ((link.StaffCode is { } s && (org.StaffDepartments.GetValueOrDefault(s) != department || !org.Names.Staff.TryGetValue(s, out staffName)))
            || (link.ServiceItemCode is { } i && (org.ServiceItemDepartments.GetValueOrDefault(i) != department || !org.Names.ServiceItems.TryGetValue(i, out itemName))))
        {
            return null;
        }
        var window = org.Names.Windows[link.WindowCode];
        return new(department, org.Names.Departments[department], link.WindowCode, window.Name, window.Number,
            link.StaffCode, staffName, link.ServiceItemCode, itemName, State(org.Retired, department, link));
    }

    private static QrPlaceState State(OrgRetired retired, string department, QrLink link) =>
        retired.Windows.ContainsKey(link.WindowCode) ? QrPlaceState.WindowClosed
        : link.StaffCode is { } s && retired.Staff.ContainsKey(s) ? QrPlaceState.StaffLeft
        : retired.Departments.ContainsKey(department) ? QrPlaceState.DepartmentRetired
        : link.ServiceItemCode is { } i && retired.ServiceItems.ContainsKey(i) ? QrPlaceState.ServiceItemRetired
        : QrPlaceState.Open;
}
