using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Notifications;

/// <summary>The inbox page of a signed-in person.</summary>
public static class InboxPages
{
    public static IEndpointRouteBuilder MapInboxPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/inbox").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        pages.MapGet("", ShowAsync);
        pages.MapPost("/{id:long}/read", MarkReadAsync);
        return routes;
    }

    private static async Task<RazorComponentResult<InboxPage>> ShowAsync(ClaimsPrincipal user, Inbox inbox, CancellationToken ct)
    {
        var (items, unread) = await inbox.ListAsync(user, ct);
        return new(new { Items = items, Unread = unread });
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> MarkReadAsync(
        long id, HttpContext context, ClaimsPrincipal user, Inbox inbox, IAntiforgery antiforgery, CancellationToken ct)
    {
        // No form fields are bound, so the token is checked by hand.
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.BadRequest();
        return await inbox.MarkReadAsync(user, id, ct) ? TypedResults.Redirect("/inbox") : TypedResults.NotFound();
    }
}
