using Feedback.Web.Data;
using Feedback.Web.Jobs;

namespace Feedback.Web.Classification;

public static class ClassificationExtensions
{
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClassificationOptions>().BindConfiguration("Classification").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ThemeTagger>();
        builder.Services.AddSingleton<Reclassifier>();
        builder.Services.AddTransient<ReclassifyJob>();
        if (builder.RunsJobServer())
            // Its check reads ratings and its job client needs Hangfire's storage: both wait for the database.
            builder.Services.StartAfterDatabase(s => s.AddHostedService<ReclassifySchedule>());
        return builder;
    }
}
