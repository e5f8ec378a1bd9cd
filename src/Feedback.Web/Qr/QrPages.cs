using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

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

    private static async Task<ContentHttpResult> ShowForm(string token, HttpContext context, QrServices qr, CancellationToken ct)
    {
        var (link, place, problem) = await qr.ResolveAsync(token, ct);
        if (problem is not null)
        {
            return problem;
        }
        var assess = await qr.Submission.NextAssessAsync(link!, ct);
        if (assess > 2)
        {
            return Html(QrMessages.CaseRated, StatusCodes.Status409Conflict);
        }
        qr.DeviceId(context);
        return qr.Form(context, link!, place!, assess, QrFormValues.Empty, null);
    }

    private static async Task<ContentHttpResult> Submit(string token, HttpContext context, QrServices qr, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Html(QrMessages.Expired, StatusCodes.Status400BadRequest);
        }
        var (link, place, problem) = await qr.ResolveAsync(token, ct);
        if (problem is not null)
        {
            return problem;
        }
        var form = QrFormValues.Read(await context.Request.ReadFormAsync(ct));
        var (outcome, error) = await qr.Submission.SubmitAsync(link!, place!, form, qr.DeviceId(context), ct);
        return outcome switch
        {
            QrOutcome.Stored => Html(QrMessages.Thanks(place!, link!, qr.Options.CentreName, Evaluations.Ratings.Labels[form.Rating!.Value],
                qr.Submission.ReplyPromise(form.Rating.Value, place!))),
            QrOutcome.FormError => qr.Form(context, link!, place!, form.Assess ?? 1, form, error, StatusCodes.Status400BadRequest),
            QrOutcome.CaseRated => Html(QrMessages.CaseRated, StatusCodes.Status409Conflict),
            QrOutcome.StaleForm => Html(QrMessages.StaleForm, StatusCodes.Status409Conflict),
            QrOutcome.DeviceRated => Html(QrMessages.DeviceRated, StatusCodes.Status409Conflict),
            _ => Html(QrMessages.Unavailable, StatusCodes.Status503ServiceUnavailable),
        };
    }

    internal static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}

/// <summary>What the page handlers share, injected as one parameter.</summary>
internal sealed class QrServices(QrKeyRing keys, QrPlaces places, IAntiforgery antiforgery, IOptions<QrOptions> options, QrSubmission submission)
{
    public QrOptions Options => options.Value;
    public QrSubmission Submission => submission;

    /// <summary>The link and its place, or the page that says why there is none.</summary>
    public async Task<(QrLink? Link, QrPlace? Place, ContentHttpResult? Problem)> ResolveAsync(string token, CancellationToken ct)
    {
        var (link, failure) = await keys.ReadAsync(token, ct);
        if (failure == QrTokenFailure.Expired)
        {
            return (null, null, QrPages.Html(QrMessages.ExpiredLink, StatusCodes.Status410Gone));
        }
        // A genuine link to a window, staff member or item that no longer exists is as useless as a forged one.
        var place = link is null ? null : await places.FindAsync(link, ct);
        return place switch
        {
            null => (null, null, QrPages.Html(QrMessages.InvalidLink, StatusCodes.Status404NotFound)),
            // A window closed or a person who left: the poster may still hang somewhere, so say what happened.
            { IsOpen: false } => (null, null, QrPages.Html(QrMessages.Retired(place.State), StatusCodes.Status410Gone)),
            _ => (link, place, null),
        };
    }

    public ContentHttpResult Form(HttpContext context, QrLink link, QrPlace place, int assess, QrFormValues values, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return QrPages.Html(QrForm.Render(place, link, Options.CentreName, assess, values, tokens.FormFieldName, tokens.RequestToken!, error), status);
    }

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
