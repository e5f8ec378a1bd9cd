using System.Buffers;

namespace Feedback.Web.Infrastructure;

/// <summary>
/// Refuses control characters (NUL, escape, …: anything below U+0020 but tab, line feed and carriage return, and DEL)
/// in the path, the query and form fields before any endpoint sees them: PostgreSQL rejects NUL in text, terminals run
/// escape sequences, and no person types them. The answer is a 400 naming the field (a Chinese page on page routes).
/// JSON bodies are checked field by field by each feature's validation, so a batch still keeps its good rows.
/// </summary>
public static class RequestGuard
{
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\x7f']);

    internal static bool HasControlCharacter(ReadOnlySpan<char> text) => text.ContainsAny(ControlCharacters);

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var (field, error) = await FirstFieldWithControlCharacterAsync(context.Request);
        if (field is null)
        {
            await next(context);
            return;
        }
        await Refusal.WriteAsync(context, StatusCodes.Status400BadRequest, "The request cannot be accepted as sent.", field, error);
    });

    private static async Task<(string? Field, string? Error)> FirstFieldWithControlCharacterAsync(HttpRequest request)
    {
        const string NotAllowed = "Control characters are not allowed.";
        if (HasControlCharacter(request.Path.Value))
            return ("path", NotAllowed);
        foreach (var (name, values) in request.Query)
        {
            if (HasControlCharacter(name) || values.Any(v => HasControlCharacter(v)))
                return (name, NotAllowed);
        }
        // Only URL-encoded forms are read here (small, and read anyway by the endpoint); uploads are checked by content.
        if (request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException ex)
            {
                // The form reader refuses an encoded NUL (and an oversized form) itself, before any field can be named.
                return ("form", ex.Message);
            }
            foreach (var (name, values) in form)
            {
                if (HasControlCharacter(name) || values.Any(v => HasControlCharacter(v)))
                    return (name, NotAllowed);
            }
        }
        return (null, null);
    }
}
