using Hangfire;
using Hangfire.Dashboard;

namespace Feedback.Web.Jobs;

public static class JobsDashboard
{
    /// <summary>
    /// Hangfire's dashboard at /hangfire for signed-in admins. The pipeline is built on the first request because
    /// Hangfire's storage connects when created, and tools build the app before the database is ready.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder routes)
    {
        var dashboard = new Lazy<RequestDelegate>(() =>
        {
            var branch = routes.CreateApplicationBuilder();
            branch.UseHangfireDashboard("/hangfire", new DashboardOptions
            {
                // The endpoint's policy decides; Hangfire's default would allow local requests only.
                Authorization = [],
                AsyncAuthorization = [],
                AppPath = "/",
                DashboardTitle = "后台任务",
                DisplayStorageConnectionString = false,
            });
            // A path the dashboard does not know falls through to here: not found, rather than the end of a branch.
            branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
            return branch.Build();
        });
        return routes.Map("/hangfire/{**path}", async context =>
            {
                try
                {
                    await dashboard.Value(context);
                }
                catch (InvalidOperationException) when (!context.Request.HasFormContentType && !context.Response.HasStarted)
                {
                    // Hangfire's command routes (stats, retry, delete) read a form whatever the method; without one it throws.
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                }
            })
            .RequireAuthorization(Policies.AdminUser)
            .ExcludeFromDescription();
    }
}
