using Feedback.Web.Classification;
using Feedback.Web.Organization;

namespace Feedback.Web.Evaluations;

/// <summary>Validates a request against the current organisation, reloading it once if a code is unknown.</summary>
public sealed class EvaluationIntake(EvaluationValidator validator, OrgDirectory org, ThemeTagger tagger, TimeProvider time)
{
    /// <summary>The server clock at PostgreSQL's precision (microseconds), so a stored row reads back equal.</summary>
    public DateTimeOffset Now => Microseconds(time.GetUtcNow());

    public static DateTimeOffset Microseconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));

    /// <returns>The rating to store, or null and the errors by field.</returns>
    public async ValueTask<(Evaluation? Evaluation, Dictionary<string, string[]>? Errors)> ValidateAsync(
        EvaluationRequest request, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var (evaluation, errors) = Validate(request, await org.GetAsync(ct), receivedAt);
        if (evaluation is null && HasUnknownCode(errors!))
        {
            // Another process may have added the code since our snapshot was taken.
            (evaluation, errors) = Validate(request, await org.RefreshAsync(ct), receivedAt);
        }
        if (evaluation is not null)
        {
            // Classified here, on the request's thread, so the writer's commit loop stays short.
            tagger.Tag(evaluation);
        }
        return (evaluation, errors);
    }

    [ThreadStatic]
    private static Dictionary<string, string[]>? t_errors;

    /// <summary>
    /// Nearly every row is valid: errors are collected in a dictionary reused by the thread and copied out only when
    /// there are some (the import validates a million rows in one go).
    /// </summary>
    private (Evaluation?, Dictionary<string, string[]>?) Validate(EvaluationRequest request, OrgSnapshot snapshot, DateTimeOffset receivedAt)
    {
        var errors = t_errors ??= [];
        errors.Clear();
        var evaluation = validator.Validate(request, snapshot, receivedAt, errors);
        return (evaluation, errors.Count == 0 ? null : new(errors));
    }

    private static readonly string[] OrgFields = ["departmentCode", "windowCode", "staffCode", "serviceItemCode"];

    private static bool HasUnknownCode(Dictionary<string, string[]> errors) => OrgFields.Any(errors.ContainsKey);
}
