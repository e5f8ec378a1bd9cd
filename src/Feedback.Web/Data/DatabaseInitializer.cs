using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Data;

/// <summary>
/// Starts the database (embedded or configured) and applies migrations. In a server this happens in the background,
/// retried with back-off while the database is unreachable (one log line per attempt) in both migration modes, so
/// the server answers meanwhile: /health unhealthy, every other request 503. Services that need the database start
/// once it is ready (<see cref="AfterDatabase"/>).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, FeedbackDatabase database, IOptions<DatabaseOptions> options,
    TimeProvider time, ILogger<DatabaseInitializer> logger) : IHostedService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _preparing = new(1, 1);
    private Task _waiting = Task.CompletedTask;

    /// <summary>Advisory lock key held while migrating, "FEEDMIGR".</summary>
    private const long MigrationLock = 0x4645_4544_4D49_4752;

    /// <summary>Completes once the database answered and the schema is current.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Attempts so far while waiting at start-up; 0 once ready at the first one.</summary>
    public int FailedAttempts { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _waiting = WaitUntilReadyAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _waiting;
        await database.StopAsync();
    }

    /// <summary>Retries <see cref="EnsureReadyAsync"/> while the database is unreachable: 1 s, 2 s, 4 s … at most <see cref="DatabaseOptions.MaxRetryDelay"/>.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested && !IsReady)
        {
            try
            {
                await EnsureReadyAsync(ct);
                if (FailedAttempts > 0)
                    logger.LogInformation("Database ready after {Attempts} failed attempts", FailedAttempts);
                return;
            }
            catch (Exception ex) when (DatabaseFaults.IsUnreachable(ex) && !ct.IsCancellationRequested)
            {
                FailedAttempts++;
                logger.LogWarning("Database unreachable at start (attempt {Attempt}), next try in {Delay} s: {Error}",
                    FailedAttempts, delay.TotalSeconds, (ex.InnerException ?? ex).Message);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Not an outage (a failed migration, a wrong password): waiting will not help, so the server stops.
                logger.LogCritical(ex, "The database could not be prepared; stopping");
                Environment.ExitCode = 1;
                services.GetService<IHostApplicationLifetime>()?.StopApplication();
                return;
            }
            try
            {
                await Task.Delay(delay, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
        }
    }

    /// <param name="onlyWhenBehind">Skip EF's migration step (and its model check) when every migration is applied: quick tools.</param>
    public async Task EnsureReadyAsync(CancellationToken ct, bool onlyWhenBehind = false)
    {
        _ = database.ConnectionString;
        // A tool or test may call this while the server's own start-up wait runs: one migration at a time per process.
        await _preparing.WaitAsync(ct);
        try
        {
            if (IsReady)
                return;
            // A plain probe first: EF would log an error of its own for each refused connection.
            await ProbeAsync(ct);
            if (options.Value.MigrateOnStart)
                await MigrateAsync(ct, onlyWhenBehind);
            _ready.TrySetResult();
        }
        finally
        {
            _preparing.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken ct, bool onlyWhenBehind)
    {
        // Servers started together on a new database would both create the history table and apply the same migrations
        // (EF's own migration lock did not stop it: "column already exists" and a stopped server), so one process
        // migrates at a time; the next finds nothing pending. The session lock ends with its connection, also if this
        // process dies.
        await using var gate = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", gate) { Parameters = { new() { Value = MigrationLock } }, CommandTimeout = 0 })
            await take.ExecuteNonQueryAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        // Without this, EF's first look at a new database logs a failed query (the history table is missing).
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        if (onlyWhenBehind && !(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            return;
        // A migration that rewrites evaluations takes minutes on a large centre's history, not 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(ct);
    }

    private async Task ProbeAsync(CancellationToken ct)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(ct);
    }
}
