using Feedback.Web.Tracking;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using CitizenPage = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Feedback.Web.Qr.RatingPage>,
    Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Feedback.Web.Qr.ThanksPage>,
    Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Feedback.Web.Qr.CitizenMessagePage>,
    Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Feedback.Web.Qr.RatedBeforePage>>;

namespace Feedback.Web.Qr;

/// <summary>The citizens' page behind every QR code: <c>GET /r/{token}</c> shows the form, <c>POST</c> stores the rating.</summary>
public static class QrPages
{
    public static RouteGroupBuilder MapQr(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/r").ExcludeFromDescription();
        pages.MapGet("/{token}", ShowForm);
        // The token is checked by hand, so that a stale page gets a friendly answer instead of a 400.
        pages.MapPost("/{token}", Submit).DisableAntiforgery().AddEndpointFilter(QrRateLimits.FilterAsync);
        routes.MapQrApi();
        return pages;
    }

    private static async Task<CitizenPage> ShowForm(string token, HttpContext context, QrServices qr, CancellationToken ct)
    {
        var (link, place, problem) = await qr.ResolveAsync(token, ct);
        if (problem is not null)
        {
            return problem.Page();
        }
        var assess = await qr.Submission.NextAssessAsync(link!, ct);
        if (assess > 2)
        {
            return CitizenProblem.CaseRated.Page();
        }
        var known = context.Request.Cookies.ContainsKey(QrDevices.CookieName);
        var device = qr.DeviceId(context);
        // A phone that rated this poster within the device window learns so before it types anything (a new phone cannot have).
        if (known && await qr.RecentRatingAsync(link!, device, ct) is { } earlier)
        {
            return await qr.RatedBeforeAsync(link!, place!, earlier, ct);
        }
        return qr.Form(link!, place!, assess, QrFormValues.Empty, null);
    }

    private static async Task<CitizenPage> Submit(string token, HttpContext context, QrServices qr, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return CitizenProblem.PageExpired.Page();
        }
        var (link, place, problem) = await qr.ResolveAsync(token, ct);
        if (problem is not null)
        {
            return problem.Page();
        }
        var form = QrFormValues.Read(await context.Request.ReadFormAsync(ct));
        var device = qr.DeviceId(context);
        var result = await qr.Submission.SubmitAsync(link!, place!, form, device, ct);
        return result.Outcome switch
        {
            QrOutcome.Stored => await qr.ThanksAsync(link!, place!, result.Stored!, ct),
            QrOutcome.FormError => qr.Form(link!, place!, form.Assess ?? 1, form, result.Error),
            QrOutcome.CaseRated => CitizenProblem.CaseRated.Page(),
            QrOutcome.StaleForm => CitizenProblem.StaleForm.Page(),
            QrOutcome.DeviceRated when await qr.RecentRatingAsync(link!, device, ct) is { } earlier => await qr.RatedBeforeAsync(link!, place!, earlier, ct, StatusCodes.Status409Conflict),
            QrOutcome.DeviceRated => CitizenProblem.DeviceRated.Page(),
            _ => CitizenProblem.Unavailable.Page(),
        };
    }
}

/// <summary>What the page handlers share, injected as one parameter.</summary>
internal sealed class QrServices(
    QrKeyRing keys, QrPlaces places, IOptions<QrOptions> options, QrSubmission submission, QrDevices devices, TrackingLinks tracking, TimeProvider time)
{
    public QrSubmission Submission => submission;

    /// <summary>The link and its place, or the problem that says why there is none.</summary>
    public async Task<(QrLink? Link, QrPlace? Place, CitizenProblem? Problem)> ResolveAsync(string token, CancellationToken ct)
    {
        var (link, failure) = await keys.ReadAsync(token, ct);
        if (failure == QrTokenFailure.Expired)
        {
            return (null, null, CitizenProblem.ExpiredLink);
        }
        // A genuine link to a window, staff member or item that no longer exists is as useless as a forged one.
        var place = link is null ? null : await places.FindAsync(link, ct);
        return place switch
        {
            null => (null, null, CitizenProblem.InvalidLink),
            // A window closed or a person who left: the poster may still hang somewhere, so say what happened.
            { IsOpen: false } => (null, null, CitizenProblem.Retired(place.State)),
            _ => (link, place, null),
        };
    }

    /// <summary>The form, first shown (200) or again with what the citizen typed and why it was not stored (400).</summary>
    public RazorComponentResult<RatingPage> Form(QrLink link, QrPlace place, int assess, QrFormValues values, string? error) =>
        new(new { Visit = Visit(link, place), Assess = assess, Values = values, Error = error })
        {
            StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };

    public async Task<RazorComponentResult<ThanksPage>> ThanksAsync(QrLink link, QrPlace place, Evaluations.Evaluation stored, CancellationToken ct) => new(new
    {
        Visit = Visit(link, place), RatingLabel = Evaluations.Ratings.Labels[stored.Rating], ReplyPromise = submission.ReplyPromise(stored.Rating, place),
        Tracking = await tracking.ForAsync(stored.Id, ct),
    });

    /// <summary>The rating this phone made of this poster within the device window (posters only; the rule may be off).</summary>
    public async Task<long?> RecentRatingAsync(QrLink link, Guid device, CancellationToken ct)
    {
        var window = options.Value.DeviceWindow;
        return link.Kind != QrLinkKind.Poster || window <= TimeSpan.Zero
            ? null
            : await devices.RecentRatingAsync(device, link.PosterPlace, time.GetUtcNow() - window, ct);
    }

    /// <summary>The notice with the link to the earlier rating: 200 for a rescan, 409 for a post it refused.</summary>
    public async Task<RazorComponentResult<RatedBeforePage>> RatedBeforeAsync(
        QrLink link, QrPlace place, long evaluationId, CancellationToken ct, int status = StatusCodes.Status200OK) =>
        new(new { Visit = Visit(link, place), Link = await tracking.ForAsync(evaluationId, ct) }) { StatusCode = status };

    private CitizenVisit Visit(QrLink link, QrPlace place) => CitizenVisit.Of(place, link, options.Value.CentreName);

    /// <summary>The device's id from its cookie, issuing one (HttpOnly, SameSite=Lax, a year) if it has none.</summary>
    public Guid DeviceId(HttpContext context)
    {
        if (Guid.TryParseExact(context.Request.Cookies[QrDevices.CookieName], "N", out var id))
        {
            return id;
        }
        id = Guid.NewGuid();
        context.Response.Cookies.Append(QrDevices.CookieName, id.ToString("N"), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/r", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        return id;
    }
}
