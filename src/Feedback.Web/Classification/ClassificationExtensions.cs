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
            builder.Services.AddHostedService<ReclassifySchedule>();
        return builder;
    }
}
