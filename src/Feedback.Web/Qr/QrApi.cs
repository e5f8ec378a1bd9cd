using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Qr;

/// <summary>Minting links: posters for the quality office, receipt links for the 办件 system.</summary>
public static class QrApi
{
    public static RouteGroupBuilder MapQrApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/qr").WithTags("QR");
        group.MapGet("/posters", GetPosters)
            .RequireAuthorization(Policies.PosterMaker)
            .WithSummary("Printable posters: a PDF with one page per window (or the window, or staff member at it, asked for), or a PNG of one.");
        group.MapPost("/receipt-links", CreateReceiptLink).RequireAuthorization(Policies.Ingest)
            .WithSummary("A signed link for a 办件 receipt: one first rating and one follow-up for its caseNumber.");
        return group;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetPosters(
        string? window, string? staff, string? format, string? size, QrPosterMaker maker, CancellationToken ct)
    {
        if (!Enum.TryParse<PosterFormat>(format ?? "pdf", ignoreCase: true, out var posterFormat)
            || !Enum.TryParse<PosterSize>(size ?? "a5", ignoreCase: true, out var posterSize)
            || (window is null && (posterFormat == PosterFormat.Png || staff is not null)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = ["format is pdf or png, size a5 or a4; png and staff need a window."],
            });
        }
        var (bytes, refused) = await maker.MakeAsync(window, staff, posterFormat, posterSize, null, null, ct);
        if (refused is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["window"] = [refused] });
        }
        if (bytes is null)
        {
            return TypedResults.NotFound();
        }
        var name = $"qr-{window ?? "all"}{(staff is null ? "" : "-" + staff)}.{posterFormat.ToString().ToLowerInvariant()}";
        return TypedResults.File(bytes, posterFormat == PosterFormat.Png ? "image/png" : "application/pdf", name);
    }

    private static string RetiredField(QrPlaceState state) => state switch
    {
        QrPlaceState.StaffLeft => "staffCode",
        QrPlaceState.DepartmentRetired => "departmentCode",
        QrPlaceState.ServiceItemRetired => "serviceItemCode",
        _ => "windowCode",
    };

    internal static async Task<Results<Ok<ReceiptLinkResponse>, ValidationProblem>> CreateReceiptLink(
        ReceiptLinkRequest request, QrPlaces places, QrKeyRing keys, IOptions<QrOptions> options, TimeProvider time, CancellationToken ct)
    {
        var caseNumber = request.CaseNumber?.Trim();
        if (caseNumber is not { Length: > 0 and <= Evaluations.EvaluationValidator.MaxCaseNumberLength } || caseNumber.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["caseNumber"] = ["caseNumber is required, at most 64 characters."] });
        }
        var link = QrLink.Receipt(caseNumber, request.WindowCode?.Trim() ?? "", request.StaffCode?.Trim(), request.ServiceItemCode?.Trim(),
            // Whole seconds: the token keeps its expiry in unix seconds.
            DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.Value.ReceiptLifetime).ToUnixTimeSeconds()));
        var place = await places.FindAsync(link, ct);
        if (place is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["windowCode"] = ["Unknown window, or a staff member or service item not of the window's department."],
            });
        }
        if (!place.IsOpen)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [RetiredField(place.State)] = [QrPosterMaker.Explain(place.State)] });
        }
        var token = await keys.SignAsync(link, ct);
        return TypedResults.Ok(new ReceiptLinkResponse(QrPosterMaker.Url(options.Value.PublicBaseUrl, token), token, link.ExpiresAt!.Value));
    }
}

public sealed record ReceiptLinkRequest(string? CaseNumber, string? WindowCode, string? StaffCode, string? ServiceItemCode);

public sealed record ReceiptLinkResponse(string Url, string Token, DateTimeOffset ExpiresAt);
