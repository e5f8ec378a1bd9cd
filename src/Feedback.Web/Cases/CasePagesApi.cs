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
        routes.MapCaseListPages();
        var pages = routes.MapGroup("").ExcludeFromDescription().RequireAuthorization(AccountsExtensions.SignedInPolicy);
        pages.MapGet("/cases/{id:long}", DetailPage);
        pages.MapPost("/cases/{id:long}/actions", Act);
        return routes;
    }

    /// <summary>The services every page handler needs.</summary>
    internal sealed record PageServices(HttpContext Http, CaseQueries Queries, Inbox Inbox, IAntiforgery Antiforgery, DeadlineCalculator Deadlines,
        IOptions<DeadlineOptions> Options)
    {
        public async Task<CasePageContext> ContextAsync(CancellationToken ct, int? unread = null) =>
            new(CaseActor.From(Http.User), unread ?? await Inbox.UnreadAsync(Http.User, ct), Antiforgery.GetAndStoreTokens(Http), Deadlines, Options.Value);
    }

    private static Task<IResult> DetailPage(long id, bool? done, [AsParameters] PageServices pages, CancellationToken ct) =>
        Detail(id, null, done == true, pages, ct);

    // [FromForm] makes the framework check the antiforgery token before this runs.
    private static async Task<IResult> Act(long id, [FromForm] string? action, [FromForm] string? note, [FromForm] short? satisfaction,
        [FromForm] int? workingDays, [AsParameters] PageServices pages, CaseWorkflow workflow, CancellationToken ct)
    {
        var outcome = await workflow.ApplyAsync(id, new CaseActionRequest(action, note, satisfaction, workingDays), CaseActor.From(pages.Http.User), ct);
        return outcome.Status switch
        {
            ActionStatus.Done => Results.Redirect($"/cases/{id}?done=true"),
            ActionStatus.NotFound => Results.NotFound(),
            _ => await Detail(id, outcome.Detail, false, pages, ct, StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> Detail(long id, string? error, bool done, PageServices pages, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await pages.Queries.GetAsync(id, CaseActor.From(pages.Http.User), ct) is not { } detail)
            return Results.NotFound();
        var html = CasePages.Detail(detail, await pages.ContextAsync(ct), error, done);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
