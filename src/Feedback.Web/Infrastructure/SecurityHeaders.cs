using System.Security.Cryptography;
using System.Text;
using Feedback.Web.Qr;

namespace Feedback.Web.Infrastructure;

/// <summary>
/// Headers on every response that tell the browser what a page may do: scripts and styles only from the service
/// (the citizens' page inlines its own, allowed by hash, so it stays one response), no framing, no sniffing, and no
/// referrer, because rating and tracking links carry their token in the path.
/// </summary>
public static class SecurityHeaders
{
    // Hangfire's dashboard writes inline scripts and styles of its own; it is an admin tool, still never framed.
    private const string DashboardPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    internal static string PagePolicy { get; } =
        "default-src 'self'; img-src 'self' data:; " +
        $"style-src 'self' '{Hash(CitizenAssets.Style)}'; script-src 'self' '{Hash(CitizenAssets.Script)}'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts: the exception handler clears headers before it writes an error.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? DashboardPolicy : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
