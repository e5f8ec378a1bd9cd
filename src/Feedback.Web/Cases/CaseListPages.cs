using Feedback.Web.Cases.Workbench;

namespace Feedback.Web.Cases;

/// <summary>The case workbench (工单) for officers, quality officers, heads and leaders, and its export.</summary>
public static class CaseListPages
{
    public static IEndpointRouteBuilder MapCaseListPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        pages.MapGet("/cases", CaseListEndpoints.PageAsync);
        pages.MapGet("/cases/export", CaseExport.ExportAsync);
        return routes;
    }
}
