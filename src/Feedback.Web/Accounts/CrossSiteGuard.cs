using Feedback.Web.Infrastructure;

namespace Feedback.Web.Accounts;

/// <summary>
/// A change made with the sign-in cookie must come from this site's own pages. Forms carry an antiforgery token, but
/// the JSON API and a few form endpoints accept the cookie alone, and SameSite=Lax lets a same-site origin (another
/// port on the host, a sibling subdomain) send it. Browsers say where a request comes from (<c>Sec-Fetch-Site</c>,
/// <c>Origin</c>); anything but this origin is refused with 403. Clients that are not browsers send neither and cannot
/// be tricked into sending someone else's cookie, so they pass.
/// </summary>
public static class CrossSiteGuard
{
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Cookies.ContainsKey(AccountsExtensions.CookieName) || FromThisSite(request))
        {
            await next(context);
            return;
        }
        await Refusal.WriteAsync(context, StatusCodes.Status403Forbidden, "A signed-in change must come from this site's own pages.");
    });

    private static bool FromThisSite(HttpRequest request)
    {
        // Sec-Fetch-Site is the browser's own judgement and survives a TLS-terminating proxy; Origin is for older browsers.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
