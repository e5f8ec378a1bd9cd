using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Organization.Pages;

/// <summary>
/// /admin/posters: every window with its state and its poster downloads. Posters are drawn on demand from the
/// register (/api/qr/posters), so a renamed window or a new person shows at once; a closed window has none.
/// </summary>
internal static class PosterPages
{
    public static IEndpointRouteBuilder MapPosterPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/posters", ListAsync).ExcludeFromDescription().RequireAuthorization(Policies.AdminUser);
        return routes;
    }

    private static async Task<RazorComponentResult<PostersPage>> ListAsync(string? q, int? page, OrgQueries queries, CancellationToken ct)
    {
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var number = Math.Max(1, page ?? 1);
        var windows = await queries.PageAsync(OrgKind.Windows, search, null, number, OrgPages.PageSize, ct);
        return new(new { Windows = windows.Items, Total = windows.Total, Page = number, Search = search });
    }
}
