using Microsoft.Extensions.Options;

namespace Feedback.Web.Qr;

/// <summary>Signs a poster link for each window asked for and renders the posters (CLI and endpoint alike).</summary>
internal sealed class QrPosterMaker(QrPlaces places, QrKeyRing keys, IOptions<QrOptions> options, TimeProvider time)
{
    /// <summary>The posters of one window (null: all windows); null if the window is unknown.</summary>
    public async Task<byte[]?> MakeAsync(
        string? windowCode, PosterFormat format, PosterSize size, string? baseUrl, Action<int, int>? progress, CancellationToken ct)
    {
        var windows = await places.AllWindowsAsync(ct);
        if (windowCode is not null)
        {
            windows = [.. windows.Where(w => w.WindowCode == windowCode)];
            if (windows.Count == 0)
            {
                return null;
            }
        }
        var expiresAt = options.Value.PosterLifetime is { } lifetime ? time.GetUtcNow() + lifetime : (DateTimeOffset?)null;
        var posters = new List<Poster>(windows.Count);
        foreach (var window in windows)
        {
            var token = await keys.SignAsync(QrLink.Poster(window.WindowCode, expiresAt: expiresAt), ct);
            posters.Add(new Poster(window, Url(baseUrl ?? options.Value.PublicBaseUrl, token)));
        }
        return QrPosters.Render(posters, format, size, options.Value.CentreName, done => progress?.Invoke(done, posters.Count));
    }

    public static string Url(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/r/{token}";
}
