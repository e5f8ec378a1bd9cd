using System.Text.Json;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Diagnostics;

namespace Feedback.Web.Infrastructure;

/// <summary>
/// Expected failures that surface as exceptions become ProblemDetails (or, on page routes, the Chinese error page):
/// a malformed body names the JSON path at fault (400); an unreachable database answers 503 with Retry-After on every
/// endpoint, authentication included, in words that promise only what is known. Anything else stays a logged 500.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, TimeProvider time,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying; a PostgreSQL restart takes one or two.</summary>
    public const string RetryAfterSeconds = "2";
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private long _loggedAt = long.MinValue;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON for this endpoint.", FieldErrors(json)),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
            _ when exception is StoreUnavailableException || DatabaseFaults.IsUnreachable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, Unavailable(context.Request), null),
            _ => (0, null, null),
        };
        if (status == 0)
        {
            return false;
        }
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            LogUnavailable(context, exception);
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return await problemDetails.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>What the caller can know: a write cut off by the outage may or may not have been committed.</summary>
    private static string Unavailable(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? "The database is unreachable; retry shortly."
            : request.Path.StartsWithSegments("/api/evaluations", StringComparison.OrdinalIgnoreCase)
                ? "The database is unreachable: the rating may not have been stored; retry with the same caseNumber+assessNumber (a stored rating is answered 200, never stored twice)."
                : "The database is unreachable: the change may not have been saved; check its state and retry shortly.";

    // During an outage every request fails the same way: one line per interval, without a stack trace.
    private void LogUnavailable(HttpContext context, Exception exception)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _loggedAt);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < LogInterval || Interlocked.CompareExchange(ref _loggedAt, now, last) != last)
            return;
        logger.LogWarning("Database unreachable, answering 503 (first: {Method} {Path}): {Error}", context.Request.Method, context.Request.Path,
            (exception.InnerException ?? exception).Message);
    }

    private static Dictionary<string, string[]> FieldErrors(JsonException json)
    {
        // "$.items[3].rating" → "items[3].rating"; a body that is not JSON at all has no path.
        var field = json.Path is { Length: > 2 } path ? path[2..] : "body";
        return new() { [field] = [json.Message.Split(" Path:")[0]] };
    }
}
