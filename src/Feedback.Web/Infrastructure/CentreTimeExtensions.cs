using Microsoft.Extensions.Configuration;

namespace Feedback.Web.Infrastructure;

public static class CentreTimeExtensions
{
    /// <summary>One <see cref="CentreTime"/> for every feature that shows, reads or counts local times.</summary>
    public static IHostApplicationBuilder AddCentreTime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CentreTimeOptions>()
            // The zone used to be a deadline setting; a deployment that set it there keeps it, Centre:TimeZone overrides it.
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration["Deadlines:TimeZone"] is { Length: > 0 } older)
                    options.TimeZone = older;
            })
            .BindConfiguration(CentreTimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CentreTime>();
        return builder;
    }
}
