using System.Security.Claims;
using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Classification;

public static class ThemeCorrectionsApi
{
    public static RouteHandlerBuilder MapThemeCorrections(this IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/evaluations/{id:long}/theme", CorrectTheme)
            .RequireAuthorization(Policies.Cases).WithTags("Evaluations")
            .WithSummary("Correct the theme of a rating's comment (admin key, or an officer: department roles for their own department); kept with who and when, and used by `train --include-corrections`.");

    public static async Task<Results<Ok<EvaluationResponse>, NotFound, ForbidHttpResult, ValidationProblem>> CorrectTheme(
        long id, ThemeCorrectionRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var outcome = await ThemeCorrections.CorrectAsync(db, id, request.Theme, Caller.From(user), time.GetUtcNow(), ct);
        return outcome.Status switch
        {
            ThemeCorrectionStatus.Done => TypedResults.Ok(outcome.Evaluation!.AsResponse()),
            ThemeCorrectionStatus.Forbidden => TypedResults.Forbid(),
            ThemeCorrectionStatus.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["theme"] = [$"Theme is one of: {string.Join(", ", Themes.Labels.Keys)}."],
            }),
        };
    }
}
