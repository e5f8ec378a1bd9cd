using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Classification;

public static class ThemeCorrectionsApi
{
    public static RouteHandlerBuilder MapThemeCorrections(this IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/evaluations/{id:long}/theme", CorrectTheme)
            .RequireAuthorization(CasesExtensions.CasesPolicy).WithTags("Evaluations")
            .WithSummary("Correct the theme of a rating's comment (admin key, or an officer: department roles for their own department); kept with who and when, and used by `train --include-corrections`.");

    private static readonly string[] Correctors = [Roles.Admin, Roles.QualityOfficer, Roles.DepartmentOfficer, Roles.DepartmentHead];

    public static async Task<Results<Ok<EvaluationResponse>, NotFound, ForbidHttpResult, ValidationProblem>> CorrectTheme(
        long id, ThemeCorrectionRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = CaseActor.From(user);
        if (!Correctors.Contains(actor.Role))
        {
            return TypedResults.Forbid();
        }
        if (request.Theme is not { } theme || !Themes.Labels.ContainsKey(theme))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["theme"] = [$"Theme is one of: {string.Join(", ", Themes.Labels.Keys)}."],
            });
        }
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || !actor.CanSee(evaluation.DepartmentCode))
        {
            return TypedResults.NotFound();
        }
        db.ThemeCorrections.Add(new ThemeCorrection
        {
            EvaluationId = id,
            FromTheme = evaluation.CorrectedTheme ?? evaluation.Theme,
            ToTheme = theme,
            CorrectedBy = actor.Name,
            CorrectedAt = time.GetUtcNow(),
        });
        evaluation.CorrectedTheme = theme;
        evaluation.NeedsReview = false;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(evaluation.AsResponse());
    }
}
