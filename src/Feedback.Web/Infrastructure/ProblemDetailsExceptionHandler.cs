using System.Text.Json;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Diagnostics;

namespace Feedback.Web.Infrastructure;

/// <summary>
/// Expected failures that surface as exceptions become ProblemDetails: a malformed body names the JSON path
/// at fault (400), an uncommitted rating asks the caller to retry (503). Anything else stays a logged 500.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON for this endpoint.", FieldErrors(json)),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
            StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The rating was not stored; retry shortly.", null),
            _ => (0, null, null),
        };
        if (status == 0)
        {
            return false;
        }
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return await problemDetails.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> FieldErrors(JsonException json)
    {
        // "$.items[3].rating" → "items[3].rating"; a body that is not JSON at all has no path.
        var field = json.Path is { Length: > 2 } path ? path[2..] : "body";
        return new() { [field] = [json.Message.Split(" Path:")[0]] };
    }
}
