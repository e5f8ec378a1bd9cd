using Feedback.Tests.Infrastructure;
using Feedback.Web.ApiKeys;
using Feedback.Web.Cli;
using Feedback.Web.Data;
using Feedback.Web.Demo;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Reliability;

/// <summary>
/// A throwaway PostgreSQL cluster of the fault tests' own, which they stop and start under load; the run's shared
/// cluster is never touched. The collection runs alone, so its timings are not skewed by other tests' load.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public const string Name = "Database faults";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"feedback-faults-{Guid.NewGuid():N}");

    public EmbeddedPostgres Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await EmbeddedPostgres.StartAsync(Path.Combine(_directory, "pg"));

    public async ValueTask DisposeAsync()
    {
        if (!Server.IsRunning)
            await Server.StartAgainAsync();
        await Server.StopAsync();
        TestPostgres.TryDelete(_directory);
    }

    /// <summary>A new database; with <paramref name="prepared"/>, migrated with the demo organisation and an ingest key.</summary>
    public async Task<(string ConnectionString, string? IngestKey)> CreateDatabaseAsync(string prefix, bool prepared, CancellationToken ct)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        // Pooled connections of an earlier test died with the server it stopped.
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(Server.ConnectionString("postgres")))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        var connectionString = Server.ConnectionString(name);
        if (!prepared)
            return (connectionString, null);
        await using var app = await ToolHost.StartAsync(ct, connectionString, TestKeys.Master);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await DemoSeeder.SeedOrganizationAsync(db, ct);
        var key = await ApiKeyService.CreateAsync(db, "faults", ApiKeyScopes.Ingest, TimeProvider.System, ct);
        return (connectionString, key);
    }
}

[CollectionDefinition(FaultCluster.Name, DisableParallelization = true)]
public sealed class FaultCollection : ICollectionFixture<FaultCluster>;
