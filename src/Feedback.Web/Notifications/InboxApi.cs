using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Notifications;

public sealed record InboxResponse(IReadOnlyList<InboxItem> Items, int Unread);

public static class InboxApi
{
    public static RouteGroupBuilder MapInbox(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", async (ClaimsPrincipal user, Inbox inbox, CancellationToken ct) =>
        {
            var (items, unread) = await inbox.ListAsync(user, ct);
            return TypedResults.Ok(new InboxResponse(items, unread));
        }).WithSummary("The signed-in person's messages, newest first.");
        group.MapPost("/{id:long}/read", MarkRead).WithSummary("Mark a message read.");
        return group;
    }

    private static async Task<Results<NoContent, NotFound>> MarkRead(long id, ClaimsPrincipal user, Inbox inbox, CancellationToken ct) =>
        await inbox.MarkReadAsync(user, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
