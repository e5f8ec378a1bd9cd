using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Qr;

internal enum QrOutcome { Stored, FormError, CaseRated, StaleForm, DeviceRated, Unavailable }

/// <param name="Stored">The rating as stored (with its id) when the outcome is <see cref="QrOutcome.Stored"/>.</param>
internal sealed record QrResult(QrOutcome Outcome, string? Error = null, Evaluation? Stored = null);

/// <summary>
/// Turns a posted form into a rating and stores it through the same validation and writer as the API (channel qr),
/// after the link's own rules: a poster once per device and window of time, a receipt once plus one follow-up.
/// </summary>
internal sealed class QrSubmission(
    EvaluationIntake intake, EvaluationWriter writer, QrDevices devices, NpgsqlDataSource dataSource,
    IOptions<QrOptions> options, IOptions<DeadlineOptions> deadlines)
{
    /// <summary>The assessNumber the next rating of this link gets: 1 for posters; 1, 2 or 3 (= no more) for receipts.</summary>
    public async Task<int> NextAssessAsync(QrLink link, CancellationToken ct)
    {
        if (link.CaseNumber is null)
        {
            return 1;
        }
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM evaluations WHERE case_number = $1");
        command.Parameters.Add(new() { Value = link.CaseNumber });
        return (int)(long)(await command.ExecuteScalarAsync(ct))! + 1;
    }

    public async Task<QrResult> SubmitAsync(QrLink link, QrPlace place, QrFormValues form, Guid device, CancellationToken ct)
    {
        var assess = await NextAssessAsync(link, ct);
        if (assess > 2)
        {
            return new(QrOutcome.CaseRated);
        }
        if (form.Assess != assess)
        {
            // The form was shown before another rating of this transaction was stored (or is being sent again).
            return new(QrOutcome.StaleForm);
        }
        if (QrFormRules.Check(form) is { } formError)
        {
            return new(QrOutcome.FormError, formError);
        }
        var (evaluation, errors) = await intake.ValidateAsync(Request(link, place, form, assess), intake.Now, ct);
        if (evaluation is null)
        {
            return new(QrOutcome.FormError, QrFormRules.Explain(errors!));
        }
        return await StoreAsync(link, evaluation, device, ct);
    }

    /// <summary>The sentence the thank-you page adds after a 差评, from the configured reply deadline.</summary>
    public string? ReplyPromise(int rating, QrPlace place)
    {
        if (!Ratings.IsBad(rating))
        {
            return null;
        }
        var time = deadlines.Value.ReplyTime;
        var span = time.Minutes == 0 ? $"{(int)time.TotalHours} " : time.TotalHours >= 1 ? $"{(int)time.TotalHours} 小时 {time.Minutes} 分钟 " : $"{time.Minutes} 分钟 ";
        var hours = time.Minutes != 0 ? span : deadlines.Value.Mode == DeadlineMode.WorkingTime ? $"{span}个工作小时" : $"{span}小时";
        return $"您的意见已转交{place.DepartmentName}，部门将在 {hours}内回复并整改。";
    }

    private async Task<QrResult> StoreAsync(QrLink link, Evaluation evaluation, Guid device, CancellationToken ct)
    {
        var window = options.Value.DeviceWindow;
        var guarded = link.Kind == QrLinkKind.Poster && window > TimeSpan.Zero;
        if (guarded && !await devices.TryClaimAsync(device, link.PosterPlace, evaluation.ReceivedAt, evaluation.ReceivedAt - window, ct))
        {
            return new(QrOutcome.DeviceRated);
        }
        try
        {
            var outcome = await writer.WriteAsync(evaluation, ct);
            if (outcome.Status == StoreStatus.Created && guarded)
            {
                await devices.RememberAsync(device, link.PosterPlace, evaluation.ReceivedAt, outcome.Evaluation.Id, ct);
            }
            return outcome.Status switch
            {
                StoreStatus.Created => new(QrOutcome.Stored, null, outcome.Evaluation),
                // Another rating of this transaction won a race with this one.
                StoreStatus.Duplicate => new(QrOutcome.StaleForm),
                _ => new(QrOutcome.FormError, QrFormRules.Explain(StoreOutcome.Refusal(outcome.Error))),
            };
        }
        catch (StoreUnavailableException)
        {
            if (guarded)
            {
                await devices.ReleaseAsync(device, link.PosterPlace, evaluation.ReceivedAt);
            }
            return new(QrOutcome.Unavailable);
        }
    }

    private static EvaluationRequest Request(QrLink link, QrPlace place, QrFormValues form, int assess) => new(
        link.CaseNumber, Channels.Qr, form.Rating, form.Reasons, form.Comment, place.DepartmentCode, link.WindowCode, link.StaffCode,
        link.ServiceItemCode, link.CaseNumber is null ? null : assess,
        form.Name is null && form.Phone is null ? null : new RaterRequest(false, form.Name, form.Phone), null, false);
}
