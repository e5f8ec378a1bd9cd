using Feedback.Web.Classification;
using Feedback.Web.Organization;

namespace Feedback.Web.Evaluations;

/// <summary>Validates a request against the current organisation, reloading it once if a code is unknown.</summary>
public sealed class EvaluationIntake(EvaluationValidator validator, OrgDirectory org, ThemeTagger tagger, TimeProvider time)
{
    /// <summary>The server clock at PostgreSQL's precision (microseconds), so a stored row reads back equal.</summary>
    public DateTimeOffset Now => Microseconds(time.GetUtcNow());

    public static DateTimeOffset Microseconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10));

    public async ValueTask<(Evaluation? Evaluation, Dictionary<string, string[]> Errors)> ValidateAsync(
        EvaluationRequest request, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var evaluation = validator.Validate(request, await org.GetAsync(ct), receivedAt, errors);
        if (evaluation is null && HasUnknownCode(errors))
        {
            // Another process may have added the code since our snapshot was taken.
            errors.Clear();
            evaluation = validator.Validate(request, await org.RefreshAsync(ct), receivedAt, errors);
        }
        if (evaluation is not null)
        {
            // Classified here, on the request's thread, so the writer's commit loop stays short.
            tagger.Tag(evaluation);
        }
        return (evaluation, errors);
    }

    private static readonly string[] OrgFields = ["departmentCode", "windowCode", "staffCode", "serviceItemCode"];

    private static bool HasUnknownCode(Dictionary<string, string[]> errors) => OrgFields.Any(errors.ContainsKey);
}
