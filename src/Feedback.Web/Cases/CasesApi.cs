using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCases(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(CasesExtensions.CasesPolicy);
        group.MapGet("/", ListCases)
            .WithSummary("Cases the caller may see: running ones first, the least time left first.");
        group.MapGet("/{id:long}", GetCase).WithName("GetCase")
            .WithSummary("A case with its rating, timeline and the actions the caller may take now.");
        group.MapPost("/{id:long}/actions", ActOnCase)
            .WithSummary("Take one action: 409 if the state does not allow it, 403 if the caller's role does not.");
        return group;
    }

    public static async Task<Results<Ok<CasePage>, ValidationProblem>> ListCases(
        [AsParameters] CaseFilter filter, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.State?.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(s => !CaseStates.All.Contains(s)) is { } bad)
            errors["state"] = [$"Unknown state '{bad}'. Use: {string.Join(", ", CaseStates.All)}."];
        if (filter.DueWithinHours is < 0)
            errors["dueWithinHours"] = ["Must be 0 or more."];
        if (filter.Limit is < 1 or > CaseFilter.MaxLimit)
            errors["limit"] = [$"Must be 1 to {CaseFilter.MaxLimit}."];
        if (filter.Offset is < 0)
            errors["offset"] = ["Must be 0 or more."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await queries.ListAsync(filter, CaseActor.From(user), ct));
    }

    public static async Task<Results<Ok<CaseDetail>, NotFound>> GetCase(long id, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, CaseActor.From(user), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Results<Ok<CaseDetail>, NotFound, ProblemHttpResult, ValidationProblem>> ActOnCase(
        long id, CaseActionRequest request, ClaimsPrincipal user, CaseWorkflow workflow, CaseQueries queries, CancellationToken ct)
    {
        var actor = CaseActor.From(user);
        var outcome = await workflow.ApplyAsync(id, request, actor, ct);
        return outcome.Status switch
        {
            ActionStatus.Done => TypedResults.Ok((await queries.GetAsync(id, actor, ct))!),
            ActionStatus.NotFound => TypedResults.NotFound(),
            ActionStatus.Forbidden => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for your role"),
            ActionStatus.Conflict => TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the case's state"),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Field!] = [outcome.Detail!] }),
        };
    }
}
