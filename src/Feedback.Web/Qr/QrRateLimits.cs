using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Qr;

/// <summary>
/// Limits rating posts per client address, per link, and per client address and link within the device window, at once. ASP.NET Core's rate-limiting middleware puts a
/// request in one partition only, so the two limiters are chained here and the refusal is the friendly page.
/// </summary>
internal sealed class QrRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;
    private readonly PartitionedRateLimiter<HttpContext> _tracking;

    public QrRateLimits(IOptions<QrOptions> options)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PerMinute($"client:{context.Connection.RemoteIpAddress}", options.Value.PostsPerMinutePerClient));
        var perLink = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PerMinute($"link:{context.Request.RouteValues["token"]}", options.Value.PostsPerMinutePerLink));
        // The device rule is a cookie, which a phone can clear: this is its server-side floor. Tokens are accepted only as
        // written (QrToken.IsCanonical), so a respelled token that gets a partition of its own is refused anyway.
        var perClientAndLink = PartitionedRateLimiter.Create<HttpContext, string>(context => options.Value.DeviceWindow <= TimeSpan.Zero
            ? RateLimitPartition.GetNoLimiter("device-rule-off")
            : RateLimitPartition.GetFixedWindowLimiter($"device:{context.Connection.RemoteIpAddress}:{context.Request.RouteValues["token"]}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.PostsPerDeviceWindowPerClientAndLink, Window = options.Value.DeviceWindow }));
        _limiter = PartitionedRateLimiter.CreateChained(perClient, perLink, perClientAndLink);
        _tracking = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PerMinute($"tracking:{context.Connection.RemoteIpAddress}", options.Value.TrackingRequestsPerMinutePerClient));
    }

    /// <summary>The endpoint filter; the limiters live in this singleton (a filter instance lives for one request).</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limits = context.HttpContext.RequestServices.GetRequiredService<QrRateLimits>();
        using var lease = limits._limiter.AttemptAcquire(context.HttpContext);
        return lease.IsAcquired ? await next(context) : CitizenProblem.TooMany.Page();
    }

    /// <summary>The tracking pages' filter: views and follow-up ratings per client address, so tokens cannot be tried in bulk.</summary>
    public static async ValueTask<object?> TrackingFilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limits = context.HttpContext.RequestServices.GetRequiredService<QrRateLimits>();
        using var lease = limits._tracking.AttemptAcquire(context.HttpContext);
        return lease.IsAcquired ? await next(context) : CitizenProblem.TooMany.Page();
    }

    private static RateLimitPartition<string> PerMinute(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });

    public void Dispose()
    {
        _limiter.Dispose();
        _tracking.Dispose();
    }
}
