using Feedback.Web.Organization;

namespace Feedback.Web.Qr;

/// <summary>Where a link was scanned, with the names a citizen reads.</summary>
internal sealed record QrPlace(
    string DepartmentCode, string DepartmentName, string WindowCode, string WindowName, string WindowNumber,
    string? StaffCode, string? StaffName, string? ServiceItemCode, string? ServiceItemName);

/// <summary>
/// Resolves a link to the names a citizen reads, from the organisation directory's snapshot (no query); a code it
/// does not know refreshes the snapshot, as validation does, since another process may have added the code.
/// </summary>
internal sealed class QrPlaces(OrgDirectory org)
{
    /// <summary>The place, or null if a code is unknown or belongs to another department than the window.</summary>
    public async ValueTask<QrPlace?> FindAsync(QrLink link, CancellationToken ct) =>
        Resolve(await org.GetAsync(ct), link) ?? Resolve(await org.RefreshAsync(ct), link);

    /// <summary>Every window, ordered by code (posters for the whole centre).</summary>
    public async Task<IReadOnlyList<QrPlace>> AllWindowsAsync(CancellationToken ct)
    {
        var snapshot = await org.RefreshAsync(ct);
        return [.. snapshot.WindowDepartments.Keys.Order(StringComparer.Ordinal).Select(code => Resolve(snapshot, QrLink.Poster(code))!)];
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
            link.StaffCode, staffName, link.ServiceItemCode, itemName);
    }
}
