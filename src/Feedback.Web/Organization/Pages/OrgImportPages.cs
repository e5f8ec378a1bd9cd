using System.IO.Compression;
using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Feedback.Web.Organization.Import;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Organization.Pages;

/// <summary>
/// Importing a file from the browser: upload → a preview of what it would add, change and retire (or its problems,
/// by sheet, row and column) → the person confirms. The file is kept in the database under a random id, and the
/// confirmation posts that id with the preview's digest: if the register changed meanwhile, a new preview is shown
/// instead of applying something the person did not see.
/// </summary>
internal static class OrgImportPages
{
    public static readonly TimeSpan UploadLifetime = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapOrgImportPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/admin/org").ExcludeFromDescription().RequireAuthorization(Policies.AdminUser);
        pages.MapGet("/import", () => UploadPage(null));
        // The size is checked before the form is read, so the token is checked by hand after it.
        pages.MapPost("/import", UploadAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OrgImportApi.RequestLimit));
        pages.MapGet("/import/{id:guid}", PreviewAsync);
        pages.MapPost("/import/{id:guid}", ConfirmAsync).DisableAntiforgery().AddEndpointFilter(PageForms.RequireAntiforgeryAsync);
        pages.MapGet("/template.xlsx", () => TypedResults.File(OrgFileWriter.Template(), XlsxType, "组织机构导入模板.xlsx"));
        pages.MapGet("/export.xlsx", ExportAsync);
        return routes;
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static RazorComponentResult<OrgImportPage> UploadPage(string? error, int status = StatusCodes.Status200OK) =>
        new(new { Error = error }) { StatusCode = status };

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (http.Request.ContentLength > OrgImportApi.RequestLimit)
            return UploadPage(OrgFileReader.TooLarge(http.Request.ContentLength.Value), StatusCodes.Status413PayloadTooLarge);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.BadRequest();
        var parts = await OrgImportApi.PartsAsync(http.Request.Form.Files, ct);
        if (parts.Count == 0)
            return UploadPage("请选择要导入的文件：一个 .xlsx，或 部门.csv、窗口.csv、人员.csv、事项.csv 四个文件。", StatusCodes.Status400BadRequest);
        if (parts.Sum(p => (long)p.Bytes.Length) > OrgFileReader.MaxBytes)
            return UploadPage(OrgFileReader.TooLarge(parts.Sum(p => (long)p.Bytes.Length)), StatusCodes.Status413PayloadTooLarge);
        var now = time.GetUtcNow();
        await db.OrgUploads.Where(u => u.UploadedAt < now - UploadLifetime).ExecuteDeleteAsync(ct);
        var upload = new OrgUpload
        {
            Id = Guid.NewGuid(), FileName = Name(parts), Content = parts.Count == 1 ? parts[0].Bytes : Zip(parts),
            UploadedBy = http.User.Identity!.Name!, UploadedAt = now, RetireMissing = http.Request.Form["retireMissing"] == "true",
        };
        db.OrgUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return TypedResults.Redirect($"/admin/org/import/{upload.Id}");
    }

    private static async Task<IResult> PreviewAsync(Guid id, FeedbackDbContext db, OrgImporter importer, CancellationToken ct)
    {
        if (await db.OrgUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is not { } upload)
            return TypedResults.NotFound();
        var result = await importer.CheckAsync(Read(upload), upload.RetireMissing, ct);
        return Preview(upload, result, null);
    }

    private static async Task<IResult> ConfirmAsync(Guid id, HttpContext http, FeedbackDbContext db, OrgImporter importer, CancellationToken ct)
    {
        if (await db.OrgUploads.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } upload)
            return TypedResults.NotFound();
        var result = await importer.ApplyAsync(Read(upload), upload.RetireMissing, http.User.Identity!.Name!, http.Request.Form["digest"].ToString(), ct);
        if (result.Outcome is OrgOutcome.Invalid or OrgOutcome.Stale)
            return Preview(upload, result, result.Outcome == OrgOutcome.Stale ? "预览之后组织机构已有变化（可能有人同时在修改），下面是按最新数据重新计算的预览，请核对后再确认。" : null,
                StatusCodes.Status409Conflict);
        db.OrgUploads.Remove(upload);
        await db.SaveChangesAsync(ct);
        var summary = result.Outcome == OrgOutcome.Unchanged ? $"已导入「{upload.FileName}」：内容与现有数据相同，没有变化。"
            : $"已导入「{upload.FileName}」：新增 {result.Plan.Count(OrgAction.Created)}，修改 {result.Plan.Count(OrgAction.Updated)}，" +
              $"停用 {result.Plan.Count(OrgAction.Retired)}，恢复 {result.Plan.Count(OrgAction.Restored)}。";
        return TypedResults.Redirect(OrgPages.ListUrl(OrgLayout.Departments, summary));
    }

    private static async Task<FileContentHttpResult> ExportAsync(OrgQueries queries, TimeProvider time, CancellationToken ct)
    {
        var rows = new Dictionary<OrgKind, IReadOnlyList<IOrgRow>>();
        foreach (var sheet in OrgLayout.All)
            rows[sheet.Kind] = await queries.RowsAsync(sheet.Kind, ct);
        return TypedResults.File(OrgFileWriter.Xlsx(rows), XlsxType, $"组织机构-{time.GetUtcNow().AddHours(8):yyyyMMdd}.xlsx");
    }

    private static RazorComponentResult<OrgPreviewPage> Preview(OrgUpload upload, OrgResult result, string? notice, int status = StatusCodes.Status200OK) =>
        new(new { Upload = upload, Plan = result.Plan, Notice = notice }) { StatusCode = status };

    private static OrgInput Read(OrgUpload upload) => OrgFileReader.Read([new OrgFilePart(upload.FileName, upload.Content)]);

    private static string Name(List<OrgFilePart> parts)
    {
        var name = string.Join("、", parts.Select(p => p.Name));
        return name.Length > 200 ? name[..200] : name;
    }

    /// <summary>Several CSV files are kept as one .zip, which the reader opens like a folder.</summary>
    private static byte[] Zip(List<OrgFilePart> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                using var entry = zip.CreateEntry(part.Name, CompressionLevel.Fastest).Open();
                entry.Write(part.Bytes);
            }
        }
        return output.ToArray();
    }
}
