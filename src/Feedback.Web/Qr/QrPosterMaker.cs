using Microsoft.Extensions.Options;

namespace Feedback.Web.Qr;

/// <summary>Signs a poster link for each window asked for and renders the posters (CLI and endpoint alike).</summary>
internal sealed class QrPosterMaker(QrPlaces places, QrKeyRing keys, IOptions<QrOptions> options, TimeProvider time)
{
    /// <summary>
    /// The poster of one window, or of one staff member at it; with neither, of every open window. Null bytes if the
    /// window is unknown or the staff member does not belong to its department; a reason if the window is closed (or
    /// the person left): its poster is withdrawn.
    /// </summary>
    public async Task<(byte[]? Bytes, string? Refused)> MakeAsync(
        string? windowCode, string? staffCode, PosterFormat format, PosterSize size, string? baseUrl, Action<int, int>? progress, CancellationToken ct)
    {
        var expiresAt = options.Value.PosterLifetime is { } lifetime ? time.GetUtcNow() + lifetime : (DateTimeOffset?)null;
        var links = windowCode is null
            ? [.. (await places.AllWindowsAsync(ct)).Select(w => QrLink.Poster(w.WindowCode, expiresAt: expiresAt))]
            : new List<QrLink> { QrLink.Poster(windowCode, staffCode, expiresAt) };
        var posters = new List<Poster>(links.Count);
        foreach (var link in links)
        {
            if (await places.FindAsync(link, ct) is not { } place)
            {
                return (null, null);
            }
            if (!place.IsOpen)
            {
                return (null, Explain(place.State));
            }
            posters.Add(new Poster(place, Url(baseUrl ?? options.Value.PublicBaseUrl, await keys.SignAsync(link, ct))));
        }
        if (posters.Count == 0)
        {
            return (null, "There is no open window to print a poster for.");
        }
        return (QrPosters.Render(posters, format, size, options.Value.CentreName, done => progress?.Invoke(done, posters.Count)), null);
    }

    public static string Explain(QrPlaceState state) => state switch
    {
        QrPlaceState.WindowClosed => "The window is closed: its poster is withdrawn and its links show a notice instead of the form.",
        QrPlaceState.StaffLeft => "The staff member has left: their poster is withdrawn.",
        QrPlaceState.DepartmentRetired => "The window's department was abolished: its posters are withdrawn.",
        _ => "The service item was withdrawn.",
    };

    public static string Url(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/r/{token}";
}
