using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Reports;

public static class ReportsApi
{
    /// <summary>File names a report folder may hold; anything else is refused, so a request cannot leave the folder.</summary>
    internal static readonly string[] FileNames = [ReportRenderer.PdfName, ReportRenderer.SummaryName, "trend.png", "channels.png", "departments.png", "themes.png", "funnel.png"];

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/reports").ExcludeFromDescription().RequireAuthorization(Policies.Leader);
        pages.MapGet("", ListAsync);
        pages.MapGet("/{week}/{file}", Download);
        // Re-rendering is for leaders and admins; quality officers read.
        pages.MapPost("/render", RenderAsync).RequireAuthorization(Policies.ReportRenderer);
        return routes;
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

    private static async Task<Results<RedirectHttpResult, BadRequest>> RenderAsync(HttpContext context, IAntiforgery antiforgery, IBackgroundJobClient jobs)
    {
        // The week is read by hand, so the token is checked by hand too.
        if (!await antiforgery.IsRequestValidAsync(context) || !ReportWeek.TryParse(context.Request.Form["week"], out var week))
            return TypedResults.BadRequest();
        jobs.Enqueue<WeeklyReportJob>(job => job.RunAsync(week.ToString(), CancellationToken.None));
        return TypedResults.Redirect($"/reports?queued={week}");
    }
}
