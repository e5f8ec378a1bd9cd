using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feedback.Web.Infrastructure;

public static class ApiInfrastructureExtensions
{
    public static IHostApplicationBuilder AddApiInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures reach the exception handler, which names the field at fault.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // "rating":4,"rating":1 is a request that says two things; refuse it rather than keep the last.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddOpenApi();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
