using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Feedback.Web.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Overview;

/// <summary>The centre's live overview (/overview) for leaders, the quality office and admins.</summary>
public static class OverviewPages
{
    public const string GoodRatesChart = "good-rates.svg", CasesChart = "cases.svg";

    public static IHostApplicationBuilder AddOverview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RatingHours>();
        builder.Services.AddSingleton<CentreOverviewQuery>();
        // Where the job server runs, its timer keeps rating_hours counted; elsewhere an overview read does it when stale.
        if (builder.RunsJobServer())
            builder.Services.StartAfterDatabase(s => s.AddHostedService<RatingHoursRefresh>());
        builder.Services.AddSingleton<CentreOverviewCache>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOverview(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/overview").ExcludeFromDescription().RequireAuthorization(Policies.Leader);
        pages.MapGet("", ShowAsync);
        pages.MapGet("/charts/{name}", ChartAsync);
        return routes;
    }

    private static async Task<RazorComponentResult<OverviewPage>> ShowAsync(CentreOverviewCache cache, CancellationToken ct) =>
        new(new { Overview = (await cache.GetAsync(ct)).Overview });

    private static async Task<Results<ContentHttpResult, NotFound>> ChartAsync(string name, HttpContext context, CentreOverviewCache cache, CancellationToken ct)
    {
        var cached = await cache.GetAsync(ct);
        var svg = name switch { GoodRatesChart => cached.GoodRatesSvg, CasesChart => cached.CasesSvg, _ => null };
        if (svg is null)
            return TypedResults.NotFound();
        // As fresh as the page that links it; a browser may keep it for the cache's minute.
        context.Response.Headers.CacheControl = "private, max-age=60";
        return TypedResults.Content(svg, "image/svg+xml; charset=utf-8");
    }
}
