using System.Security.Claims;
using Feedback.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Departments;

/// <summary>The department overview (/department) for department heads and officers, and for the centre's roles.</summary>
public static class DepartmentPages
{
    public static IHostApplicationBuilder AddDepartmentPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DepartmentOverviewQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDepartmentPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/department", ShowAsync).ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        return routes;
    }

    /// <summary>
    /// Department roles always see their own department: asking for another one shows theirs with a notice (not a
    /// 403), so a link shared by the quality office still leads somewhere useful. The centre's roles choose any.
    /// </summary>
    private static async Task<RazorComponentResult<DepartmentOverviewPage>> ShowAsync(string? code, ClaimsPrincipal user, DepartmentOverviewQuery query, CancellationToken ct)
    {
        var viewer = PageUser.From(user)!;
        var asked = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        var own = viewer.SeesWholeCentre ? null : viewer.DepartmentCode ?? "";
        var departments = viewer.SeesWholeCentre ? await query.DepartmentsAsync(ct) : [];
        var shown = own ?? asked ?? departments.FirstOrDefault()?.Code;
        var overview = shown is null ? null : await query.ReadAsync(shown, ct);
        return new(new
        {
            Overview = overview,
            Departments = departments,
            Missing = overview is null ? shown ?? "" : null,
            OtherRefused = own is not null && asked is not null && asked != own,
        })
        { StatusCode = overview is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK };
    }
}
