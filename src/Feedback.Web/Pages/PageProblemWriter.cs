using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Pages;

/// <summary>
/// Errors on page routes (404 from a handler, 400 from a stale form, 403 from a policy, 429, 500) become a page in
/// Chinese in the shared layout; the API keeps its ProblemDetails. Every path that writes a problem (status code
/// pages, the exception handler) asks the problem details service, so this one writer covers them all.
/// </summary>
internal sealed class PageProblemWriter : IProblemDetailsWriter
{
    private static readonly string[] ApiPrefixes = ["/api", "/openapi", "/hangfire", "/health", "/assets"];

    public bool CanWrite(ProblemDetailsContext context) =>
        !context.HttpContext.Response.HasStarted && IsPage(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var page = new RazorComponentResult<ErrorPage>(new { Status = status }) { StatusCode = status };
        await page.ExecuteAsync(http);
    }

    internal static bool IsPage(HttpRequest request) =>
        !ApiPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
