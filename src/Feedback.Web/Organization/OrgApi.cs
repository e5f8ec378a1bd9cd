using System.Security.Claims;
using Feedback.Web.Organization.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Organization;

/// <summary>
/// The register for machines: the whole of it to read, and per kind a list to read or upsert (a centre's HR or 办件
/// system keeps it in step), plus the import of a file with a check mode. Writes need an admin key.
/// </summary>
public static class OrgApi
{
    public static RouteGroupBuilder MapOrg(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/org").WithTags("Organisation");
        group.MapGet("", GetOrg).RequireAuthorization(Policies.Read)
            .WithSummary("Departments, windows, staff and service items with their codes; retired ones with active false.");
        MapKind<DepartmentRow>(group, OrgLayout.Departments, "Departments: code, name, 统一社会信用代码 (GB 32100 check character), 行政区划代码.");
        MapKind<WindowRow>(group, OrgLayout.Windows, "Windows: code, number, name, department, hall or floor; active false = closed.");
        MapKind<StaffRow>(group, OrgLayout.Staff, "Staff: job number (code), name, department, current window; active false = left.");
        MapKind<ServiceItemRow>(group, OrgLayout.ServiceItems, "Service items: 事项编码, name, department, immediate (即办件) or promised (承诺件) with working days.");
        group.MapPost("/import", OrgImportApi.ImportAsync).RequireAuthorization(Policies.Admin).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OrgImportApi.RequestLimit))
            .WithSummary("Import an .xlsx (sheets 部门, 窗口, 人员, 事项) or the four CSV files; check=true returns the changes without applying them.")
            .WithDescription("The whole file is validated first; problems are keyed by cell (人员!C5). Then applied in one transaction, " +
                "as an upsert by code; rows absent from the file are retired only with retireMissing=true.");
        return group;
    }

    private static void MapKind<TRow>(RouteGroupBuilder group, OrgSheet sheet, string summary) where TRow : IOrgRow
    {
        group.MapGet($"/{sheet.Path}", async (OrgQueries queries, CancellationToken ct) => TypedResults.Ok((await queries.RowsAsync(sheet.Kind, ct)).Cast<TRow>()))
            .RequireAuthorization(Policies.Admin).WithSummary(summary);
        group.MapPut($"/{sheet.Path}", (List<TRow> rows, bool? retireMissing, ClaimsPrincipal user, OrgImporter importer, CancellationToken ct) =>
                PutAsync(sheet, rows, retireMissing ?? false, user, importer, ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary($"Upsert {sheet.Path} by code, validated like the import; retireMissing=true retires the stored ones not in the list.")
            .WithDescription("Problems are keyed by field path ([3].departmentCode); nothing is applied unless the whole list is valid.");
    }

    internal static async Task<OrgDto> GetOrg(OrgQueries queries, CancellationToken ct) => new(
        [.. (await queries.RowsAsync(OrgKind.Departments, ct)).Cast<DepartmentRow>()],
        [.. (await queries.RowsAsync(OrgKind.Windows, ct)).Cast<WindowRow>()],
        [.. (await queries.RowsAsync(OrgKind.Staff, ct)).Cast<StaffRow>()],
        [.. (await queries.RowsAsync(OrgKind.ServiceItems, ct)).Cast<ServiceItemRow>()]);

    private static async Task<Results<Ok<OrgChangeSummary>, ValidationProblem>> PutAsync<TRow>(
        OrgSheet sheet, List<TRow> rows, bool retireMissing, ClaimsPrincipal user, OrgImporter importer, CancellationToken ct) where TRow : IOrgRow
    {
        var input = OrgInput.Of(sheet.Kind, rows.Cast<IOrgRow>());
        var result = await importer.ApplyAsync(input, retireMissing, Actor(user), null, ct);
        return result.Outcome == OrgOutcome.Invalid
            ? TypedResults.ValidationProblem(Errors(result.Plan), title: "The list is not valid; nothing was applied.")
            : TypedResults.Ok(OrgChangeSummary.From(result));
    }

    internal static string Actor(ClaimsPrincipal user) => $"apikey:{user.Identity?.Name}";

    internal static Dictionary<string, string[]> Errors(OrgPlan plan) => plan.Problems
        .GroupBy(plan.Input.Key)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}

/// <summary>What an import or upsert changed (or, with check=true, would change).</summary>
public sealed record OrgChangeSummary(bool Applied, int Added, int Changed, int Retired, int Restored, int Unchanged, IReadOnlyList<OrgChangeLine> Changes)
{
    internal static OrgChangeSummary From(OrgResult result) => new(
        result.Outcome == OrgOutcome.Applied, result.Plan.Count(OrgAction.Created), result.Plan.Count(OrgAction.Updated),
        result.Plan.Count(OrgAction.Retired), result.Plan.Count(OrgAction.Restored), result.Plan.Unchanged,
        [.. result.Plan.Changes.Take(1000).Select(c => new OrgChangeLine(OrgLayout.Of(c.Kind).Path, c.Code, OrgAuditTrail.Action(c.Action)))]);
}

/// <param name="Kind">departments, windows, staff or service-items.</param>
/// <param name="Action">created, updated, retired or restored.</param>
public sealed record OrgChangeLine(string Kind, string Code, string Action);
