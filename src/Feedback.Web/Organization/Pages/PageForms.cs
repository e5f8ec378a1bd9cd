using Microsoft.AspNetCore.Antiforgery;

namespace Feedback.Web.Organization.Pages;

/// <summary>The admin pages' forms are read by hand (fields vary by kind), so their antiforgery token is checked here.</summary>
internal static class PageForms
{
    public static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(http) ? await next(context) : TypedResults.BadRequest();
    }
}
