using System.Security.Claims;
using Feedback.Web.ApiKeys;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Classification;

public static class ThemeCorrectionsApi
{
    public static RouteHandlerBuilder MapThemeCorrections(this IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/evaluations/{id:long}/theme", CorrectTheme)
            .RequireAuthorization(ApiKeyExtensions.AdminPolicy).WithTags("Evaluations")
            .WithSummary("Correct the theme of a rating's comment; kept with who and when, and used by `train --include-corrections`.");

    public static async Task<Results<Ok<EvaluationResponse>, NotFound, ValidationProblem>> CorrectTheme(
        long id, ThemeCorrectionRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.Theme is not { } theme || !Themes.Labels.ContainsKey(theme))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["theme"] = [$"Theme is one of: {string.Join(", ", Themes.Labels.Keys)}."],
            });
        }
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null)
        {
            return TypedResults.NotFound();
        }
        db.ThemeCorrections.Add(new ThemeCorrection
        {
            EvaluationId = id,
            FromTheme = evaluation.CorrectedTheme ?? evaluation.Theme,
            ToTheme = theme,
            CorrectedBy = user.Identity?.Name ?? "unknown",
            CorrectedAt = time.GetUtcNow(),
        });
        evaluation.CorrectedTheme = theme;
        evaluation.NeedsReview = false;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(evaluation.AsResponse());
    }
}
