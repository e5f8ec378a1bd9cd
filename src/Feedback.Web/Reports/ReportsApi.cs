using System.Security.Claims;
using Feedback.Web.Pages;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Reports;

public static class ReportsApi
{
    internal static IReadOnlyList<string> FileNames => ReportFiles.All;

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/reports").ExcludeFromDescription().RequireAuthorization(Policies.Leader);
        pages.MapGet("", ListAsync);
        pages.MapGet("/{week}/{file}", Download);
        // Re-rendering is for leaders and admins; quality officers read.
        pages.MapPost("/render", RenderAsync).RequireAuthorization(Policies.ReportRenderer);
        // Department reports: the centre's roles read any, a department's head and officers their own only.
        var departments = routes.MapGroup("/reports").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        departments.MapGet("/department", DepartmentListAsync);
        departments.MapGet("/{week}/departments/{code}/{file}", DepartmentDownload);
        return routes;
    }

    private static async Task<RazorComponentResult<DepartmentReportsPage>> DepartmentListAsync(string? code, ClaimsPrincipal user, WeeklyQueries queries,
        IOptions<ReportOptions> options, CancellationToken ct)
    {
        var viewer = PageUser.From(user)!;
        var asked = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        var names = (await queries.NamesAsync(ct)).Departments.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => (d.Code, d.Name)).ToList();
        var shown = viewer.SeesWholeCentre ? asked ?? names.FirstOrDefault().Code : viewer.DepartmentCode;
        var weeks = shown is null ? [] : DepartmentWeeks(options.Value.OutputDirectory, shown);
        return new(new
        {
            Code = shown,
            Name = names.FirstOrDefault(n => n.Code == shown).Name ?? shown ?? "",
            Departments = viewer.SeesWholeCentre ? names : [],
            Weeks = weeks,
            OtherRefused = !viewer.SeesWholeCentre && asked is not null && asked != shown,
        });
    }

    /// <summary>The weeks with a report of <paramref name="code"/> on disk, newest first.</summary>
    private static List<ReportWeek> DepartmentWeeks(string root, string code)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full) || !SafeCode(code))
            return [];
        return [.. Directory.GetDirectories(full)
            .Select(d => ReportWeek.TryParse(Path.GetFileName(d), out var w) && w.ToString() == Path.GetFileName(d) ? w : (ReportWeek?)null)
            .OfType<ReportWeek>()
            .Where(w => File.Exists(Path.Combine(ReportRenderer.DepartmentDirectory(full, w, code), ReportFiles.Pdf)))
            .OrderDescending()];
    }

    /// <summary>A department code that names one folder: no separators or dots can lead out of the reports.</summary>
    private static bool SafeCode(string code) => code.Length is > 0 and <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static Results<PhysicalFileHttpResult, NotFound, ForbidHttpResult> DepartmentDownload(string week, string code, string file, ClaimsPrincipal user,
        IOptions<ReportOptions> options)
    {
        var viewer = PageUser.From(user)!;
        if (!viewer.SeesWholeCentre && viewer.DepartmentCode != code)
            return TypedResults.Forbid();
        if (!ReportWeek.TryParse(week, out var parsed) || parsed.ToString() != week || !ReportFiles.All.Contains(file, StringComparer.Ordinal)
            || !SafeCode(code))
            return TypedResults.NotFound();
        var path = Path.Combine(ReportRenderer.DepartmentDirectory(Path.GetFullPath(options.Value.OutputDirectory), parsed, code), file);
        if (!File.Exists(path))
            return TypedResults.NotFound();
        return file == ReportFiles.Pdf
            ? TypedResults.PhysicalFile(path, "application/pdf", $"好差评周报-{code}-{week}.pdf")
            : TypedResults.PhysicalFile(path, "image/png");
    }

    private static async Task<RazorComponentResult<ReportListPage>> ListAsync(HttpContext context, ReportIndex index, string? queued, CancellationToken ct)
    {
        var canRender = Policies.ReportRendererRoles.Any(context.User.IsInRole);
        var shownQueued = ReportWeek.TryParse(queued, out var week) ? week.ToString() : null;
        return new(new { Reports = await index.ListAsync(ct), CanRender = canRender, Queued = shownQueued });
    }

    private static Results<PhysicalFileHttpResult, NotFound> Download(string week, string file, IOptions<ReportOptions> options)
    {
        if (!ReportWeek.TryParse(week, out var parsed) || parsed.ToString() != week || !FileNames.Contains(file, StringComparer.Ordinal))
            return TypedResults.NotFound();
        var path = Path.Combine(Path.GetFullPath(options.Value.OutputDirectory), week, file);
        if (!File.Exists(path))
            return TypedResults.NotFound();
        return file == ReportRenderer.PdfName
            ? TypedResults.PhysicalFile(path, "application/pdf", $"好差评周报-{week}.pdf")
            : TypedResults.PhysicalFile(path, "image/png");
    }

    private static async Task<Results<RedirectHttpResult, BadRequest, RazorComponentResult<ErrorPage>>> RenderAsync(HttpContext context, IAntiforgery antiforgery,
        IBackgroundJobClient jobs, TimeProvider time)
    {
        // The week is read by hand, so the token is checked by hand too.
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.BadRequest();
        var text = context.Request.Form["week"].ToString();
        if (!ReportWeek.TryParse(text, out var week))
            return Refusal($"“{text}”不是有效的周次，请按 2026-W47 的格式填写（年份-W周数）。");
        // A week not yet begun has no figures and would top the list; the current week renders, marked 未完.
        var current = ReportWeek.Containing(time.GetUtcNow());
        if (week > current)
            return Refusal($"{week} 尚未开始，只能生成已结束的周或本周（{current}，标注为未完）的周报。");
        jobs.Enqueue<WeeklyReportJob>(job => job.RunAsync(week.ToString(), CancellationToken.None));
        return TypedResults.Redirect($"/reports?queued={week}");
    }

    /// <summary>A form mistake answers a page in Chinese that says what was wrong, not a bare 400.</summary>
    private static RazorComponentResult<ErrorPage> Refusal(string detail) =>
        new(new { Status = StatusCodes.Status400BadRequest, Detail = detail }) { StatusCode = StatusCodes.Status400BadRequest };
}
