using Feedback.Web.Accounts;
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
            return branch.Build();
        });
        return routes.Map("/hangfire/{**path}", context => dashboard.Value(context))
            .RequireAuthorization(AccountsExtensions.AdminUserPolicy)
            .ExcludeFromDescription();
    }
}
