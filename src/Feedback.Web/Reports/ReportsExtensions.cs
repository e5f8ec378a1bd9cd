using Feedback.Web.Data;
using Feedback.Web.Jobs;

namespace Feedback.Web.Reports;

public static class ReportsExtensions
{
    /// <summary>Weekly reports: figures, rendering, the index, the job, and its schedule where the job server runs.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>().BindConfiguration("Reports").ValidateDataAnnotations().ValidateOnStart();
        // First, so that every later start-up step and job reads weeks in the centre's zone.
        builder.Services.AddHostedService<ReportWeekZone>();
        builder.Services.AddSingleton<ReportFonts>();
        builder.Services.AddSingleton<CommentMasker>();
        builder.Services.AddSingleton<WeeklyQueries>();
        builder.Services.AddSingleton<WeeklyFigures>();
        builder.Services.AddSingleton<ReportRenderer>();
        builder.Services.AddSingleton<ReportNotices>();
        builder.Services.AddScoped<ReportIndex>();
        builder.Services.AddScoped<WeeklyReportJob>();
        if (builder.RunsJobServer())
            builder.Services.StartAfterDatabase(s => s.AddHostedService<ReportSchedule>());
        return builder;
    }
}
