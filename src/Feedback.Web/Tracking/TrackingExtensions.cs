namespace Feedback.Web.Tracking;

public static class TrackingExtensions
{
    /// <summary>The reference and tracking page of a rating, and the citizen's follow-up rating. Needs AddQr and AddCases.</summary>
    public static IHostApplicationBuilder AddTracking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TrackingReference>();
        builder.Services.AddSingleton<TrackingLinks>();
        builder.Services.AddSingleton<TrackingQueries>();
        builder.Services.AddSingleton<FollowUpRatings>();
        builder.Services.AddSingleton<TrackingServices>();
        return builder;
    }
}
