using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Organization.Import;

/// <summary>POST /api/org/import: a file for machines, with the same checks and the same one-transaction apply as the command line.</summary>
internal static class OrgImportApi
{
    /// <summary>Room for the largest file accepted plus the multipart framing; larger requests are refused by their Content-Length first.</summary>
    public const long RequestLimit = OrgFileReader.MaxBytes + 1024 * 1024;

    public static async Task<Results<Ok<OrgChangeSummary>, ValidationProblem>> ImportAsync(
        HttpRequest request, bool? check, bool? retireMissing, ClaimsPrincipal user, OrgImporter importer, CancellationToken ct)
    {
        if (request.ContentLength > RequestLimit)
            return Problem("file", OrgFileReader.TooLarge(request.ContentLength.Value));
        if (!request.HasFormContentType)
            return Problem("file", "Send the file as multipart/form-data: one .xlsx, or the four CSV files.");
        var parts = await PartsAsync(request.Form.Files, ct);
        var input = OrgFileReader.Read(parts);
        var result = check == true
            ? await importer.CheckAsync(input, retireMissing ?? false, ct)
            : await importer.ApplyAsync(input, retireMissing ?? false, OrgApi.Actor(user), null, ct);
        return result.Outcome == OrgOutcome.Invalid
            ? TypedResults.ValidationProblem(OrgApi.Errors(result.Plan), title: "The file is not valid; nothing was applied.")
            : TypedResults.Ok(OrgChangeSummary.From(result));
    }

    public static async Task<List<OrgFilePart>> PartsAsync(IFormFileCollection files, CancellationToken ct)
    {
        var parts = new List<OrgFilePart>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            using var copy = new MemoryStream((int)file.Length);
            await file.CopyToAsync(copy, ct);
            parts.Add(new OrgFilePart(Path.GetFileName(file.FileName), copy.ToArray()));
        }
        return parts;
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
