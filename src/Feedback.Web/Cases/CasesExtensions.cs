using Feedback.Web.Data;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Jobs;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases;

public static class CasesExtensions
{
    /// <summary>
    /// Rectification cases: deadlines (calendar or working time), the state machine and the deadline sweep, run on
    /// each job server's own timer. Cases write their notifications to the outbox; Notifications/ delivers them.
    /// </summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeadlineOptions>().BindConfiguration("Deadlines").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CaseOptions>().BindConfiguration("Cases").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => WorkingCalendar.Load(sp.GetRequiredService<IOptions<DeadlineOptions>>().Value.CalendarDirectory));
        services.AddSingleton<DeadlineCalculator>();
        services.AddSingleton<CaseSchedule>();
        services.AddSingleton<CaseNotices>();
        services.AddSingleton<CaseOpener>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CitizenFollowUps>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<Detail.CaseDetailPages>();
        services.AddScoped<Attachments.CaseEvidence>();
        // The workbench's list and export (Workbench/)
        services.AddSingleton<Workbench.CaseListParser>();
        services.AddSingleton<Workbench.CaseListQuery>();
        services.AddSingleton<Workbench.CaseAssignees>();
        services.AddSingleton<DeadlineSweep>();
        if (builder.RunsJobServer())
        {
            services.AddSingleton<SweepWatchdog>();
            services.AddHealthChecks().AddCheck<SweepWatchdog>(SweepWatchdog.CheckName);
            services.StartAfterDatabase(s => s.AddHostedService<CaseJobSchedules>().AddHostedService<EnforcementService>());
        }
        return builder;
    }
}
