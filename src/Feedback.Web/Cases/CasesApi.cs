using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCases(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Cases);
        group.MapGet("/", Workbench.CaseListApi.ListCases)
            .WithSummary("Cases the caller may see, filtered, in keyset pages (cursor/nextCursor), with counts per state.");
        group.MapGet("/{id:long}", GetCase).WithName("GetCase")
            .WithSummary("A case with its rating, timeline and the actions the caller may take now.");
        group.MapPost("/{id:long}/actions", ActOnCase)
            .WithSummary("Take one action: 409 if the state does not allow it, 403 if the caller's role does not.");
        return group;
    }

    public static async Task<Results<Ok<CaseDetail>, NotFound>> GetCase(long id, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, Caller.From(user), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Results<Ok<CaseDetail>, NotFound, ProblemHttpResult, ValidationProblem>> ActOnCase(
        long id, CaseActionRequest request, ClaimsPrincipal user, CaseWorkflow workflow, CaseQueries queries, CancellationToken ct)
    {
        var actor = Caller.From(user);
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
