using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

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
        [AsParameters] AuditFilter filter, FeedbackDbContext db, IOptions<AccountOptions> options, CancellationToken ct)
    {
        var rows = await AuditQueries.ListAsync(db, filter, options.Value.TimeZone, AuditQueries.PageSize, ct);
        return new(new { Filter = filter, Rows = rows }) { StatusCode = rows.Error is null ? 200 : 400 };
    }
}
