using Feedback.Web.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire stores its jobs in the same PostgreSQL database (own schema). Several service processes on
    /// one database share the work through Hangfire's distributed locks.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHangfire((sp, config) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var database = sp.GetRequiredService<FeedbackDatabase>();
            // Our own install under an advisory lock, so that servers starting together on a new database do not race.
            if (options.PrepareSchemaIfNecessary)
                HangfireSchema.Install(database.ConnectionString, options.Schema);
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = options.Schema,
                    QueuePollInterval = options.QueuePollInterval,
                    PrepareSchemaIfNecessary = false,
                    DistributedLockTimeout = options.DistributedLockTimeout,
                });
        });
        if (builder.RunsJobServer())
        {
            builder.Services.AddSingleton<JobServerStatus>();
            builder.Services.AddHealthChecks().AddCheck<JobServerStatus>(JobServerStatus.CheckName);
            builder.Services.StartAfterDatabase(services => services.AddHangfireServer((sp, server) =>
            {
                var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
            }).ReportJobServerStart());
        }
        return builder;
    }

    // /health stays unhealthy until Hangfire's hosted service has started (JobServerStatus).
    private static IServiceCollection ReportJobServerStart(this IServiceCollection services)
    {
        var hosted = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(hosted);
        return services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<JobServerStatus>().Report(
            hosted.ImplementationInstance as IHostedService
            ?? (IHostedService?)hosted.ImplementationFactory?.Invoke(sp)
            ?? (IHostedService)ActivatorUtilities.CreateInstance(sp, hosted.ImplementationType!)));
    }

    /// <summary>
    /// <see cref="JobsOptions.RunServer"/>, read while services are being registered (before options can be
    /// resolved): features register their schedules and timers only where the job server runs.
    /// </summary>
    public static bool RunsJobServer(this IHostApplicationBuilder builder) =>
        (builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions()).RunServer;
}
