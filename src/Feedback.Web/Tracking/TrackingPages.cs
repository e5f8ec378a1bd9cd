using Feedback.Web.Cases;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrackingResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Feedback.Web.Tracking.TrackingPage>,
    Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Feedback.Web.Qr.CitizenMessagePage>>;

namespace Feedback.Web.Tracking;

/// <summary>The citizen's tracking page: <c>GET /t/{token}</c> shows where the rating stands, <c>POST</c> takes the 追评.</summary>
public static class TrackingPages
{
    public static RouteGroupBuilder MapTracking(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/t").ExcludeFromDescription().AddEndpointFilter(QrRateLimits.TrackingFilterAsync);
        pages.MapGet("/{token}", Show);
        pages.MapGet("/{token}/qr.png", QrImage);
        // The token and the antiforgery token are checked by hand, so that a stale page gets a friendly answer instead of a 400.
        pages.MapPost("/{token}", FollowUp).DisableAntiforgery();
        return pages;
    }

    private static async Task<TrackingResult> Show(string token, TrackingServices tracking, CitizenFollowUps cases, CancellationToken ct)
    {
        var (rating, reference, problem) = await tracking.ResolveAsync(token, ct);
        if (problem is not null)
            return problem.Page();
        // A follow-up rating stored by another path (a receipt's second scan), or one whose case update was lost, counts now.
        if (rating!.FollowUp is { } late && rating.Case is { State: CaseStates.Rectified, FollowUpSatisfaction: null } c
            && await cases.RecordAsync(c.Id, late.Rating, ct))
            (rating, reference, _) = await tracking.ResolveAsync(token, ct);
        return await tracking.PageAsync(rating!, reference, null, null, StatusCodes.Status200OK, ct);
    }

    /// <summary>The QR code of the tracking link; the same token always gives the same image, so the phone may keep it.</summary>
    private static async Task<IResult> QrImage(string token, HttpContext context, TrackingLinks links, CancellationToken ct)
    {
        var (id, _, _) = await links.ReadAsync(token, ct);
        if (id is null)
            return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return TypedResults.File(TrackingQr.Png(links.Url(token)), "image/png");
    }

    private static async Task<TrackingResult> FollowUp(
        string token, HttpContext context, TrackingServices tracking, CitizenFollowUps cases, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return CitizenProblem.PageExpired.Page();
        var (rating, reference, problem) = await tracking.ResolveAsync(token, ct);
        if (problem is not null)
            return problem.Page();
        var form = await context.Request.ReadFormAsync(ct);
        var score = int.TryParse(form["rating"], out var value) ? value : (int?)null;
        var outcome = await tracking.FollowUps.SubmitAsync(rating!, reference, score, cases, ct);
        var (status, error) = Explain(outcome);
        if (outcome == FollowUpOutcome.Stored)
            (rating, _, _) = await tracking.ResolveAsync(token, ct);
        return await tracking.PageAsync(rating!, reference, outcome == FollowUpOutcome.Stored ? "感谢您的追评！部门会看到您对整改结果的评价。" : null, error, status, ct);
    }

    private static (int Status, string? Error) Explain(FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.Stored => (StatusCodes.Status200OK, null),
        FollowUpOutcome.NotBad => (StatusCodes.Status409Conflict, "这条评价无需追评：追评用于评价差评的整改结果。"),
        FollowUpOutcome.NotYet => (StatusCodes.Status409Conflict, "部门尚未答复整改结果，答复后即可在此追评。"),
        FollowUpOutcome.AlreadyGiven => (StatusCodes.Status409Conflict, "您已追评过，每条评价只能追评一次。"),
        FollowUpOutcome.NoChoice => (StatusCodes.Status400BadRequest, "请点选您对整改结果的满意程度。"),
        FollowUpOutcome.Invalid => (StatusCodes.Status400BadRequest, "追评未能保存：该窗口或事项可能已停用，请向中心咨询。"),
        _ => (StatusCodes.Status503ServiceUnavailable, "系统繁忙，您的追评未能保存，请稍后再试。"),
    };
}

/// <summary>What the tracking handlers share, injected as one parameter.</summary>
internal sealed class TrackingServices(TrackingLinks links, TrackingQueries queries, FollowUpRatings followUps, QrPlaces places, IOptions<QrOptions> options)
{
    public static readonly CitizenProblem InvalidLink = new("链接无效",
        "无法识别这个查询链接，它可能已损坏或被改动。请使用评价后页面上的链接或二维码，或向大厅工作人员咨询。", StatusCodes.Status404NotFound);
    public static readonly CitizenProblem ExpiredLink = new("链接已过期",
        "这个查询链接已超过有效期。如需了解处理结果，请向大厅工作人员咨询。", StatusCodes.Status410Gone);

    public FollowUpRatings FollowUps => followUps;

    /// <summary>The rating behind the token, or the page that says why there is none (forged, altered and unknown alike).</summary>
    public async Task<(TrackedRating? Rating, long Reference, CitizenProblem? Problem)> ResolveAsync(string token, CancellationToken ct)
    {
        var (id, reference, failure) = await links.ReadAsync(token, ct);
        if (id is null)
            return (null, 0, failure == QrTokenFailure.Expired ? ExpiredLink : InvalidLink);
        var rating = await queries.FindAsync(id.Value, reference, ct);
        return rating is null ? (null, 0, InvalidLink) : (rating, reference, null);
    }

    public async Task<RazorComponentResult<TrackingPage>> PageAsync(TrackedRating rating, long reference, string? notice, string? error, int status, CancellationToken ct) =>
        new(new { Rating = rating, Reference = TrackingReference.Format(reference), Visit = await VisitAsync(rating, ct), Notice = notice, Error = error })
        {
            StatusCode = status,
        };

    private async Task<CitizenVisit?> VisitAsync(TrackedRating rating, CancellationToken ct)
    {
        if (rating.WindowCode is null)
            return null;
        var link = new QrLink(QrLinkKind.Poster, rating.WindowCode, rating.StaffCode, rating.ServiceItemCode, rating.CaseNumber, null);
        return await places.FindAsync(link, ct) is { } place ? CitizenVisit.Of(place, link, options.Value.CentreName) : null;
    }
}
