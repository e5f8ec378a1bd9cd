namespace Feedback.Web.Classification;

public static class ClassificationExtensions
{
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClassificationOptions>().BindConfiguration("Classification").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ThemeTagger>();
        return builder;
    }
}
