using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Feedback.Web.Data;

public static class DatabaseExtensions
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FeedbackDatabase>();
        builder.Services.AddSingleton(sp =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(sp.GetRequiredService<FeedbackDatabase>().ConnectionString);
            // The ingestion statements repeat endlessly: prepared once per connection, PostgreSQL skips parse and plan.
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(dataSource.ConnectionStringBuilder.MaxAutoPrepare, 32);
            return dataSource.Build();
        });
        builder.Services.AddDbContextPool<FeedbackDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention());
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>For tools that use the services without starting the host: start the database and migrate.</summary>
    public static Task EnsureDatabaseReadyAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<DatabaseInitializer>().EnsureReadyAsync(ct);
}
