using Microsoft.Extensions.Options;

namespace Feedback.Web.Qr;

/// <summary>Signs a poster link for each window asked for and renders the posters (CLI and endpoint alike).</summary>
internal sealed class QrPosterMaker(QrPlaces places, QrKeyRing keys, IOptions<QrOptions> options, TimeProvider time)
{
    /// <summary>
    /// The poster of one window, or of one staff member at it; with neither, of every window. Null if the window is
    /// unknown or the staff member does not belong to its department.
    /// </summary>
    public async Task<byte[]?> MakeAsync(
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
                return null;
            }
            posters.Add(new Poster(place, Url(baseUrl ?? options.Value.PublicBaseUrl, await keys.SignAsync(link, ct))));
        }
        return QrPosters.Render(posters, format, size, options.Value.CentreName, done => progress?.Invoke(done, posters.Count));
    }

    public static string Url(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/r/{token}";
}
