using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.Organization.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Organization.Pages;

/// <summary>
/// /admin/org for admins: list and search each kind, add, edit, retire and restore. Every change goes through the
/// importer as a one-row upsert, so the pages obey exactly the rules of the file import and write the same audit entries.
/// </summary>
public static class OrgPages
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapOrgPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/admin/org").ExcludeFromDescription().RequireAuthorization(Policies.AdminUser);
        pages.MapGet("", ListAsync);
        pages.MapGet("/{kind}/new", async (string kind, OrgQueries queries, CancellationToken ct) =>
            OrgLayout.ByPath(kind) is { } sheet ? await EditPageAsync(queries, sheet, null, true, [], null, ct) : NotFound());
        pages.MapGet("/{kind}/{code}", EditAsync);
        var forms = pages.MapGroup("").DisableAntiforgery().AddEndpointFilter(PageForms.RequireAntiforgeryAsync);
        forms.MapPost("/{kind}", (string kind, HttpContext http, OrgImporter importer, OrgQueries queries, CancellationToken ct) =>
            SaveAsync(kind, null, http, importer, queries, ct));
        forms.MapPost("/{kind}/{code}", (string kind, string code, HttpContext http, OrgImporter importer, OrgQueries queries, CancellationToken ct) =>
            SaveAsync(kind, code, http, importer, queries, ct));
        forms.MapPost("/{kind}/{code}/retire", (string kind, string code, ClaimsPrincipal user, OrgImporter importer, OrgQueries queries, CancellationToken ct) =>
            SetActiveAsync(kind, code, false, user, importer, queries, ct));
        forms.MapPost("/{kind}/{code}/restore", (string kind, string code, ClaimsPrincipal user, OrgImporter importer, OrgQueries queries, CancellationToken ct) =>
            SetActiveAsync(kind, code, true, user, importer, queries, ct));
        routes.MapOrgImportPages();
        routes.MapPosterPages();
        return routes;
    }

    private static async Task<IResult> ListAsync(string? kind, string? q, string? status, int? page, string? done, string? error, OrgQueries queries, CancellationToken ct)
    {
        var sheet = OrgLayout.ByPath(kind ?? OrgLayout.Departments.Path) ?? OrgLayout.Departments;
        bool? active = status switch { "active" => true, "retired" => false, _ => null };
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var number = Math.Max(1, page ?? 1);
        var result = await queries.PageAsync(sheet.Kind, search, active, number, PageSize, ct);
        return new RazorComponentResult<OrgListPage>(new
        {
            Sheet = sheet, Items = result.Items, Total = result.Total, Page = number, Search = search, Status = status, Done = done, Error = error,
        });
    }

    private static async Task<IResult> EditAsync(string kind, string code, OrgQueries queries, CancellationToken ct)
    {
        if (OrgLayout.ByPath(kind) is not { } sheet || await queries.FindAsync(sheet.Kind, code, ct) is not { } item)
            return NotFound();
        return await EditPageAsync(queries, sheet, item.Row, false, [], item.RetiredAt, ct);
    }

    private static async Task<IResult> SaveAsync(string kind, string? code, HttpContext http, OrgImporter importer, OrgQueries queries, CancellationToken ct)
    {
        if (OrgLayout.ByPath(kind) is not { } sheet)
            return NotFound();
        var existing = code is null ? null : await queries.FindAsync(sheet.Kind, code, ct);
        if (code is not null && existing is null)
            return NotFound();
        var (row, errors) = OrgForm.Read(sheet, http.Request.Form, code, existing?.Row.Active ?? true);
        if (code is null && row.Code is { Length: > 0 } && await queries.FindAsync(sheet.Kind, row.Code.Trim(), ct) is { } taken)
            errors["code"] = $"编码「{taken.Row.Code}」已被「{taken.Row.Name}」使用{(taken.RetiredAt is null ? "" : "（已停用）")}，请换一个编码，或去编辑那条记录。";
        if (errors.Count == 0)
        {
            var result = await importer.ApplyAsync(OrgInput.Of(sheet.Kind, [row]), false, http.User.Identity!.Name!, null, ct);
            if (result.Outcome != OrgOutcome.Invalid)
                return Results.Redirect(ListUrl(sheet, $"已保存{sheet.Name}「{row.Name.Trim()}」（{row.Code.Trim()}）。"));
            errors = OrgForm.Errors(result.Plan);
        }
        return await EditPageAsync(queries, sheet, row, code is null, errors, existing?.RetiredAt, ct, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SetActiveAsync(string kind, string code, bool active, ClaimsPrincipal user, OrgImporter importer, OrgQueries queries, CancellationToken ct)
    {
        if (OrgLayout.ByPath(kind) is not { } sheet || await queries.FindAsync(sheet.Kind, code, ct) is not { } item)
            return NotFound();
        var result = await importer.ApplyAsync(OrgInput.Of(sheet.Kind, [item.Row.WithActive(active)]), false, user.Identity!.Name!, null, ct);
        var what = $"{sheet.Name}「{item.Row.Name}」（{code}）";
        return result.Outcome == OrgOutcome.Invalid
            ? Results.Redirect(ListUrl(sheet, null, $"未能{(active ? "恢复" : "停用")}{what}：{string.Join(" ", result.Plan.Problems.Select(p => p.Message))}"))
            : Results.Redirect(ListUrl(sheet, $"已{(active ? "恢复" : "停用")}{what}。"));
    }

    private static async Task<IResult> EditPageAsync(OrgQueries queries, OrgSheet sheet, IOrgRow? row, bool isNew, Dictionary<string, string> errors,
        DateTimeOffset? retiredAt, CancellationToken ct, int status = StatusCodes.Status200OK) =>
        new RazorComponentResult<OrgEditPage>(new
        {
            Sheet = sheet, Row = row, IsNew = isNew, Errors = errors, RetiredAt = retiredAt, Departments = await queries.DepartmentsAsync(ct),
        }) { StatusCode = status };

    internal static string ListUrl(OrgSheet sheet, string? done, string? error = null) =>
        $"/admin/org?kind={sheet.Path}" + (done is null ? "" : "&done=" + Uri.EscapeDataString(done)) + (error is null ? "" : "&error=" + Uri.EscapeDataString(error));

    private static NotFound NotFound() => TypedResults.NotFound();
}
