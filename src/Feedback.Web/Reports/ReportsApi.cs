using Feedback.Web.Accounts;
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
        var pages = routes.MapGroup("/reports").ExcludeFromDescription().RequireAuthorization(AccountsExtensions.LeaderPolicy);
        pages.MapGet("", ListAsync);
        pages.MapGet("/{week}/{file}", Download);
        // Re-rendering is for leaders and admins; quality officers read.
        pages.MapPost("/render", RenderAsync).RequireAuthorization(p => p
            .AddAuthenticationSchemes(AccountsExtensions.CookieScheme).RequireRole(Roles.Leader, Roles.Admin));
        return routes;
    }

    private static async Task<RazorComponentResult<ReportListPage>> ListAsync(HttpContext context, ReportIndex index, string? queued, CancellationToken ct)
    {
        var canRender = context.User.IsInRole(Roles.Leader) || context.User.IsInRole(Roles.Admin);
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
