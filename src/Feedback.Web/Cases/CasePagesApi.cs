using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Infrastructure;
using Feedback.Web.Notifications;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases;

/// <summary>Pages for officers: my cases with a countdown, a case with its actions and timeline, the inbox.</summary>
public static class CasePagesApi
{
    public static IEndpointRouteBuilder MapCasePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription().RequireAuthorization(AccountsExtensions.SignedInPolicy);
        pages.MapGet("/cases", ListPage);
        pages.MapGet("/cases/{id:long}", DetailPage);
        pages.MapPost("/cases/{id:long}/actions", Act);
        pages.MapGet("/inbox", InboxPage);
        pages.MapPost("/inbox/{id:long}/read", MarkRead);
        return routes;
    }

    private static async Task<IResult> ListPage([AsParameters] CaseFilter filter, HttpContext context, ClaimsPrincipal user, CaseQueries queries,
        Inbox inbox, IAntiforgery antiforgery, IOptions<DeadlineOptions> deadlines, CancellationToken ct)
    {
        var actor = CaseActor.From(user);
        var page = await queries.ListAsync(filter with { Limit = CaseFilter.MaxLimit }, actor, ct);
        var (_, unread) = await inbox.ListAsync(user, ct);
        return HtmlPage.Html(CasePages.List(page, actor, unread, antiforgery.GetAndStoreTokens(context), Ticks(deadlines)));
    }

    private static async Task<IResult> DetailPage(long id, bool? done, HttpContext context, ClaimsPrincipal user, CaseQueries queries,
        Inbox inbox, IAntiforgery antiforgery, IOptions<DeadlineOptions> deadlines, CancellationToken ct) =>
        await Detail(id, null, done == true, context, user, queries, inbox, antiforgery, deadlines, ct);

    // [FromForm] makes the framework check the antiforgery token before this runs.
    private static async Task<IResult> Act(long id, [FromForm] string? action, [FromForm] string? note, [FromForm] short? satisfaction,
        [FromForm] int? workingDays, HttpContext context, ClaimsPrincipal user, CaseWorkflow workflow, CaseQueries queries, Inbox inbox,
        IAntiforgery antiforgery, IOptions<DeadlineOptions> deadlines, CancellationToken ct)
    {
        var outcome = await workflow.ApplyAsync(id, new CaseActionRequest(action, note, satisfaction, workingDays), CaseActor.From(user), ct);
        return outcome.Status switch
        {
            ActionStatus.Done => Results.Redirect($"/cases/{id}?done=true"),
            ActionStatus.NotFound => Results.NotFound(),
            _ => await Detail(id, outcome.Detail, false, context, user, queries, inbox, antiforgery, deadlines, ct, StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> Detail(long id, string? error, bool done, HttpContext context, ClaimsPrincipal user, CaseQueries queries,
        Inbox inbox, IAntiforgery antiforgery, IOptions<DeadlineOptions> deadlines, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var actor = CaseActor.From(user);
        if (await queries.GetAsync(id, actor, ct) is not { } detail)
            return Results.NotFound();
        var (_, unread) = await inbox.ListAsync(user, ct);
        var html = CasePages.Detail(detail, actor, unread, antiforgery.GetAndStoreTokens(context), error, done, Ticks(deadlines));
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static async Task<IResult> InboxPage(HttpContext context, ClaimsPrincipal user, Inbox inbox, IAntiforgery antiforgery, CancellationToken ct)
    {
        var (items, unread) = await inbox.ListAsync(user, ct);
        return HtmlPage.Html(CasePages.Inbox(items, unread, CaseActor.From(user), antiforgery.GetAndStoreTokens(context)));
    }

    private static async Task<IResult> MarkRead(long id, HttpContext context, ClaimsPrincipal user, Inbox inbox, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.BadRequest();
        return await inbox.MarkReadAsync(user, id, ct) ? Results.Redirect("/inbox") : Results.NotFound();
    }

    // The countdown ticks in the browser only where every second counts, i.e. in calendar time.
    private static bool Ticks(IOptions<DeadlineOptions> deadlines) => deadlines.Value.Mode == DeadlineMode.CalendarTime;
}
