using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Feedback.Web.Infrastructure;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>/health</c>: 200 when healthy or degraded, 503 when unhealthy, with a JSON body naming each check, so a
    /// monitor sees which one (database, deadline-sweep) is at fault rather than one word.
    /// </summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        if (report.Status == HealthStatus.Unhealthy)
            context.Response.Headers.RetryAfter = "5";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
