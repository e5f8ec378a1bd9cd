using Feedback.Web.Accounts;
using Feedback.Web.Cases.Detail;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Cases.Attachments;

/// <summary>Uploading evidence from the case page, and serving it (downloads and thumbnails) to those who may see the case.</summary>
public static class EvidencePages
{
    public static IEndpointRouteBuilder MapEvidencePages(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/cases/{id:long}/attachments").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        files.MapPost("", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(Evidence.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: Evidence.MaxRequestBytes);
        files.MapGet("/{attachmentId:long}", (long id, long attachmentId, HttpContext http, CaseEvidence evidence, CancellationToken ct) =>
            ServeAsync(id, attachmentId, http, evidence, thumbnail: false, ct));
        files.MapGet("/{attachmentId:long}/thumbnail", (long id, long attachmentId, HttpContext http, CaseEvidence evidence, CancellationToken ct) =>
            ServeAsync(id, attachmentId, http, evidence, thumbnail: true, ct));
        return routes;
    }

    private static async Task<IResult> UploadAsync(long id, HttpContext http, IAntiforgery antiforgery, CaseEvidence evidence, CaseDetailPages pages, CancellationToken ct)
    {
        var actor = Caller.From(http.User);
        if (!http.Request.HasFormContentType)
            return TypedResults.BadRequest();
        IFormFile? upload;
        try
        {
            // The form is read by hand, so that a body over the limit gets the case page with its message.
            var form = await http.Request.ReadFormAsync(ct);
            if (!await antiforgery.IsRequestValidAsync(http))
                return TypedResults.BadRequest();
            upload = form.Files.GetFile("file");
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return await pages.PageAsync(id, actor, new(Evidence.TooBig.Message, Evidence.TooBig.Status), ct);
        }
        var (file, refusal) = await InspectAsync(upload, ct);
        if (refusal is not null)
            return await pages.PageAsync(id, actor, new(refusal.Message, refusal.Status), ct);
        var (outcome, refused) = await evidence.AttachAsync(id, file!, actor, ct);
        return outcome.Status switch
        {
            ActionStatus.Done => TypedResults.Redirect($"/cases/{id}?done=upload#evidence"),
            ActionStatus.NotFound => TypedResults.NotFound(),
            _ => await pages.PageAsync(id, actor, new(outcome.Detail, refused?.Status ?? StatusCodes.Status409Conflict), ct),
        };
    }

    private static async Task<(EvidenceFile? File, EvidenceRefusal? Refusal)> InspectAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0 && string.IsNullOrEmpty(upload.FileName))
            return (null, Evidence.NoFile);
        if (upload.Length > Evidence.MaxBytes)
            return (null, Evidence.TooBig);
        var content = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        return Evidence.Inspect(upload.FileName, content);
    }

    private static async Task<IResult> ServeAsync(long id, long attachmentId, HttpContext http, CaseEvidence evidence, bool thumbnail, CancellationToken ct)
    {
        if (await evidence.ReadAsync(id, attachmentId, Caller.From(http.User), thumbnail, ct) is not { } file)
            return TypedResults.NotFound();
        // The type is the one the bytes showed when stored; the browser must not guess another.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        // A download names the file (Content-Disposition: attachment, with filename* for Chinese names); a thumbnail shows inline.
        return thumbnail ? TypedResults.File(file.Content, file.ContentType) : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
