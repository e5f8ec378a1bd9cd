using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Data;

/// <summary>Starts the database (embedded or configured) and applies migrations before anything else runs.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, FeedbackDatabase database, IOptions<DatabaseOptions> options)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await EnsureReadyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => database.StopAsync();

    /// <param name="onlyWhenBehind">Skip EF's migration step (and its model check) when every migration is applied: quick tools.</param>
    public async Task EnsureReadyAsync(CancellationToken ct, bool onlyWhenBehind = false)
    {
        _ = database.ConnectionString;
        if (options.Value.MigrateOnStart)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            // Without this, EF's first look at a new database logs a failed query (the history table is missing).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            if (onlyWhenBehind && !(await db.Database.GetPendingMigrationsAsync(ct)).Any())
                return;
            // A migration that rewrites evaluations takes minutes on a large centre's history, not 30 s.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            // EF Core takes a database lock while migrating, so several processes may start at once.
            await db.Database.MigrateAsync(ct);
        }
    }
}
