using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Admin;

/// <summary>/admin: the admins' start page and the people, API key and audit log pages under it.</summary>
public static class AdminPages
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").ExcludeFromDescription().RequireAuthorization(Policies.AdminUser);
        admin.MapGet("", HomeAsync);
        admin.MapUserPages();
        admin.MapKeyPages();
        admin.MapAuditPages();
        return routes;
    }

    /// <summary>Who made a change from a page: the signed-in admin's user name.</summary>
    internal static string Actor(HttpContext context) => context.User.Identity?.Name ?? "unknown";

    /// <summary>A temporary password or a new key is on this page and nowhere else: no cache may keep it.</summary>
    internal static RazorComponentResult<ShownOncePage> ShownOnce(HttpContext context, object parameters)
    {
        context.Response.Headers.CacheControl = "no-store";
        return new(parameters);
    }

    private static async Task<RazorComponentResult<AdminHomePage>> HomeAsync(FeedbackDbContext db, CancellationToken ct) => new(new
    {
        People = await db.Users.CountAsync(u => !u.Disabled, ct),
        Keys = await db.ApiKeys.CountAsync(k => k.RevokedAt == null, ct),
        Departments = await db.Departments.CountAsync(ct),
    });
}
