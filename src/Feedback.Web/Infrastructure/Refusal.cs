namespace Feedback.Web.Infrastructure;

/// <summary>
/// How a middleware refuses a request before any endpoint runs: a ProblemDetails through the problem details service,
/// so page routes get the Chinese error page and the API the JSON, exactly as an endpoint's own refusal would.
/// </summary>
internal static class Refusal
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string? field = null, string? error = null)
    {
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (field is not null)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [error!] };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
    }
}
