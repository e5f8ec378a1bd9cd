using System.Globalization;
using System.Security.Claims;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Infrastructure;
using Feedback.Web.Organization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Cases.Workbench;

/// <summary>GET /api/cases: the workbench's filters and keyset paging (cursor/nextCursor); limit/offset still work.</summary>
public static class CaseListApi
{
    private const int MaxOffset = 100_000;

    public static async Task<Results<Ok<CaseListResponse>, ValidationProblem>> ListCases(
        [AsParameters] CaseListFilter filter, string? limit, string? offset, ClaimsPrincipal user, [AsParameters] CaseListServices services, CancellationToken ct)
    {
        var (criteria, errors) = await services.Parser.ParseAsync(filter, Caller.From(user), ct);
        var problems = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var take = Number(limit, "limit", 1, CaseListQuery.MaxLimit, CaseListQuery.PageSize, problems);
        var skip = Number(offset, "offset", 0, MaxOffset, 0, problems);
        if (skip > 0 && criteria?.Cursor is not null)
            problems["offset"] = ["Use either offset or cursor."];
        if (problems.Count > 0 || criteria is null)
            return TypedResults.ValidationProblem(problems);
        criteria = await services.Query.PlanSearchAsync(criteria, ct);
        var now = services.Time.GetUtcNow();
        var page = services.Query.PageAsync(criteria, now, take, ct, skip);
        var counts = services.Query.CountsUnlessCommonAsync(criteria, now, ct);
        var names = (await services.Org.GetAsync(ct)).Names;
        var items = (await page).Rows.Select(r => CaseListItem.From(r, names, services.Deadlines, now)).ToList();
        return TypedResults.Ok(new CaseListResponse(items, (await counts)?.Matching(criteria).ForApi, (await page).Next?.Encode(), (await counts)?.ByName()));
    }

    private static int Number(string? raw, string field, int min, int max, int fallback, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return fallback;
        if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems[field] = [$"Must be a whole number from {min} to {max}."];
        return fallback;
    }
}

/// <summary>What the list's endpoints need besides the request.</summary>
public sealed record CaseListServices(CaseListParser Parser, CaseListQuery Query, OrgDirectory Org, DeadlineCalculator Deadlines, CentreTime Centre, TimeProvider Time);
