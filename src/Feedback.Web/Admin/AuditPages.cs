using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Admin;

/// <summary>/admin/audit: who changed the centre's set-up, when, and what the record was before and after.</summary>
public static class AuditPages
{
    public static RouteGroupBuilder MapAuditPages(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", ListAsync);
        return admin;
    }

    private static async Task<RazorComponentResult<AuditPage>> ListAsync(
        [AsParameters] AuditFilter filter, FeedbackDbContext db, CentreTime centre, CancellationToken ct)
    {
        var rows = await AuditQueries.ListAsync(db, filter, centre, AuditQueries.PageSize, ct);
        return new(new { Filter = filter, Rows = rows }) { StatusCode = rows.Error is null ? 200 : 400 };
    }
}
