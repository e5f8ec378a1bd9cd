using Feedback.Web.ApiKeys;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Organization;

public static class OrgApi
{
    public static RouteHandlerBuilder MapOrg(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/org", GetOrg).RequireAuthorization(ApiKeyExtensions.ReadPolicy).WithTags("Organisation")
            .WithSummary("Departments, windows, staff and service items with their codes.");

    public static async Task<OrgDto> GetOrg(FeedbackDbContext db, CancellationToken ct) => new(
        await db.Departments.OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name)).ToListAsync(ct),
        await db.Windows.OrderBy(w => w.Code).Select(w => new WindowDto(w.Code, w.Name, w.Number, w.DepartmentCode)).ToListAsync(ct),
        await db.Staff.OrderBy(s => s.Code).Select(s => new StaffDto(s.Code, s.Name, s.DepartmentCode, s.WindowCode)).ToListAsync(ct),
        await db.ServiceItems.OrderBy(i => i.Code).Select(i => new ServiceItemDto(i.Code, i.Name, i.DepartmentCode)).ToListAsync(ct));
}
