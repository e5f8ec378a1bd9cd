using Feedback.Web.Cases.Deadlines;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases.Workbench;

/// <summary>GET /cases: the workbench page. A bad filter value is shown in Chinese beside the form (400), never a 500.</summary>
internal static class CaseListEndpoints
{
    public static async Task<RazorComponentResult<CaseListPage>> PageAsync([AsParameters] CaseListFilter filter, HttpContext http,
        [AsParameters] CaseListServices services, CaseAssignees assignees, IOptions<DeadlineOptions> deadlines, CancellationToken ct)
    {
        var actor = Caller.From(http.User);
        var (criteria, errors) = await services.Parser.ParseAsync(filter, actor, ct);
        var choices = await ChoicesAsync(services, assignees, actor, criteria?.Department, ct);
        if (criteria is null)
            return Page(new CaseListView { Filter = filter, Errors = [.. errors.Select(e => e.Chinese).Distinct()], Choices = choices }, StatusCodes.Status400BadRequest);
        criteria = await services.Query.PlanSearchAsync(criteria, ct);
        var now = services.Time.GetUtcNow();
        var page = services.Query.PageAsync(criteria, now, CaseListQuery.PageSize, ct);
        var counts = services.Query.CountsUnlessCommonAsync(criteria, now, ct);
        var names = (await services.Org.GetAsync(ct)).Names;
        return Page(new CaseListView
        {
            Filter = filter, Criteria = criteria, Choices = choices,
            Items = [.. (await page).Rows.Select(r => CaseListItem.From(r, names, services.Deadlines, now))],
            Counts = await counts, Total = (await counts)?.Matching(criteria), NextCursor = (await page).Next?.Encode(),
            Ticks = deadlines.Value.Mode == DeadlineMode.CalendarTime,
        });
    }

    public static RazorComponentResult<CaseListPage> Page(CaseListView view, int status = StatusCodes.Status200OK) =>
        new(new { View = view }) { StatusCode = status };

    public static async Task<CaseListChoices> ChoicesAsync(CaseListServices services, CaseAssignees assignees, Caller actor, string? department, CancellationToken ct)
    {
        var org = await services.Org.GetAsync(ct);
        var people = await assignees.ListAsync(actor.DepartmentCode ?? department, ct);
        return CaseListChoices.For(org, actor, department, people);
    }
}
