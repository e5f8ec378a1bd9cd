using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Feedback.Web.Cases.Deadlines;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Feedback.Web.Infrastructure.Spreadsheets;
using nietras.SeparatedValues;

namespace Feedback.Web.Cases.Workbench;

/// <summary>
/// GET /cases/export?format=xlsx|csv&amp;(the list's filter): the filtered list as a file, streamed to the response as the
/// rows are read in keyset batches, so memory does not grow with the export. At most <see cref="MaxRows"/> cases.
/// </summary>
internal static class CaseExport
{
    public const int MaxRows = 100_000;
    /// <summary>Cases read per keyset query: 20 queries for the largest export (1,000 a batch made it 100, a second slower).</summary>
    private const int Batch = 5000;

    public static async Task<Results<CaseExportResult, RazorComponentResult<CaseListPage>>> ExportAsync([AsParameters] CaseListFilter filter, string? format,
        HttpContext http, [AsParameters] CaseListServices services, CaseAssignees assignees, CancellationToken ct)
    {
        var actor = Caller.From(http.User);
        var (criteria, errors) = await services.Parser.ParseAsync(filter, actor, ct);
        var messages = errors.Select(e => e.Chinese).ToList();
        if (format is not ("xlsx" or "csv"))
            messages.Add("导出格式只能是 Excel（xlsx）或 CSV。");
        if (criteria is null || messages.Count > 0)
        {
            var choices = await CaseListEndpoints.ChoicesAsync(services, assignees, actor, criteria?.Department, ct);
            return CaseListEndpoints.Page(new CaseListView { Filter = filter, Errors = messages, Choices = choices }, StatusCodes.Status400BadRequest);
        }
        criteria = await services.Query.PlanSearchAsync(criteria, ct);
        var now = services.Time.GetUtcNow();
        var names = (await services.Org.GetAsync(ct)).Names;
        var rows = services.Query.StreamAsync(criteria, now, MaxRows, Batch, ct)
            .Select(r => CaseExportRow.From(CaseListItem.From(r, names, services.Deadlines, now), services.Centre));
        return new CaseExportResult(format!, rows, services.Centre.ToLocal(now));
    }
}

/// <summary>Writes the rows as .xlsx (<see cref="XlsxWriter{T}"/>) or as CSV with a UTF-8 BOM (Sep), so that Excel reads the Chinese right.</summary>
internal sealed class CaseExportResult(string format, IAsyncEnumerable<CaseExportRow> rows, DateTime localNow) : IResult
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var name = $"差评整改工单-{localNow:yyyyMMdd-HHmm}.{format}";
        http.Response.ContentType = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name, FileName = $"cases-{localNow:yyyyMMdd-HHmm}.{format}" }.ToString();
        if (format == "xlsx")
            await WriteXlsxAsync(http.Response.Body, rows, ct);
        else
            await WriteCsvAsync(http.Response.Body, rows, ct);
    }

    private static async Task WriteXlsxAsync(Stream body, IAsyncEnumerable<CaseExportRow> rows, CancellationToken ct)
    {
        await using var sheet = await XlsxWriter<CaseExportRow>.CreateAsync(body, "差评整改工单", CaseExportRow.Columns, ct);
        await foreach (var row in rows.WithCancellation(ct))
            await sheet.WriteAsync(row, ct);
    }

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<CaseExportRow> rows, CancellationToken ct)
    {
        await body.WriteAsync(Utf8Bom, ct);
        var text = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await using var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(text);
        foreach (var column in CaseExportRow.Columns)
            writer.Header.Add(column.Header);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await using var line = writer.NewRow(ct);
            foreach (var column in CaseExportRow.Columns)
                line[column.Header].Set(Text(column.Value(row)));
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
