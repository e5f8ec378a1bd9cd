using Feedback.Web.Accounts;
using Feedback.Web.Infrastructure;

namespace Feedback.Web.Cases;

/// <summary>The case list (工单) for officers, quality officers, heads and leaders.</summary>
public static class CaseListPages
{
    public static IEndpointRouteBuilder MapCaseListPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription().RequireAuthorization(AccountsExtensions.SignedInPolicy);
        pages.MapGet("/cases", ListPage);
        return routes;
    }

    private static async Task<IResult> ListPage([AsParameters] CaseFilter filter, [AsParameters] CasePagesApi.PageServices pages, CancellationToken ct)
    {
        var page = await pages.Queries.ListAsync(filter with { Limit = CaseFilter.MaxLimit }, CaseActor.From(pages.Http.User), ct);
        return HtmlPage.Html(CasePages.List(page, await pages.ContextAsync(ct)));
    }
}
