using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Classification;

public enum ThemeCorrectionStatus { Done, Forbidden, Invalid, NotFound }

public sealed record ThemeCorrectionOutcome(ThemeCorrectionStatus Status, Evaluation? Evaluation = null);

/// <summary>
/// An officer corrects a comment's theme (the API and the case page share this): kept with who and when, and used by
/// <c>train --include-corrections</c>. Department roles correct their own department's ratings only.
/// </summary>
public static class ThemeCorrections
{
    private static readonly string[] Correctors = [Roles.Admin, Roles.QualityOfficer, Roles.DepartmentOfficer, Roles.DepartmentHead];

    public static bool MayCorrect(Caller actor) => Correctors.Contains(actor.Role);

    public static bool IsTheme(string? theme) => theme is not null && Themes.Labels.ContainsKey(theme);

    public static async Task<ThemeCorrectionOutcome> CorrectAsync(
        FeedbackDbContext db, long evaluationId, string? theme, Caller actor, DateTimeOffset now, CancellationToken ct)
    {
        if (!MayCorrect(actor))
            return new(ThemeCorrectionStatus.Forbidden);
        if (!IsTheme(theme))
            return new(ThemeCorrectionStatus.Invalid);
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == evaluationId, ct);
        if (evaluation is null || !actor.CanSee(evaluation.DepartmentCode))
            return new(ThemeCorrectionStatus.NotFound);
        db.ThemeCorrections.Add(new ThemeCorrection
        {
            EvaluationId = evaluationId,
            FromTheme = evaluation.CorrectedTheme ?? evaluation.Theme,
            ToTheme = theme!,
            CorrectedBy = actor.Name,
            CorrectedAt = now,
        });
        evaluation.CorrectedTheme = theme;
        evaluation.NeedsReview = false;
        await db.SaveChangesAsync(ct);
        return new(ThemeCorrectionStatus.Done, evaluation);
    }
}
