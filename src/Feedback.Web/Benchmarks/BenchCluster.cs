using Feedback.Web.ApiKeys;
using Feedback.Web.Cli;
using Feedback.Web.Data;
using Feedback.Web.Demo;
using Npgsql;

namespace Feedback.Web.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL cluster for one benchmark run, holding the schema, the demo organisation and an
/// admin key. Baselines (pgbench, COPY) run against the same server, so ratios compare like with like.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly string _directory;

    private BenchCluster(string directory, EmbeddedPostgres postgres, string connectionString, string apiKey)
    {
        (_directory, Postgres, ConnectionString, ApiKey) = (directory, postgres, connectionString, apiKey);
    }

    public EmbeddedPostgres Postgres { get; }
    public string ConnectionString { get; }
    public string ApiKey { get; }

    public static async Task<BenchCluster> StartAsync(CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"feedback-bench-{Guid.NewGuid():N}");
        var postgres = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "pg"), ct: ct);
        await postgres.CreateDatabaseIfMissingAsync("bench", ct);
        var connectionString = postgres.ConnectionString("bench");
        await using var app = await ToolHost.StartAsync(ct, connectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await DemoSeeder.SeedOrganizationAsync(db, ct);
        var key = await ApiKeyService.CreateAsync(db, "bench", ApiKeyScopes.Admin, TimeProvider.System, ct);
        return new BenchCluster(directory, postgres, connectionString, key);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> CountAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Postgres.StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
