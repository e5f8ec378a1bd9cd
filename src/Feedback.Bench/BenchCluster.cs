using Feedback.Web.ApiKeys;
using Feedback.Web.Cli;
using Feedback.Web.Data;
using Feedback.Web.Demo;
using Npgsql;

namespace Feedback.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster for one benchmark run, holding the schema, the demo organisation and an
/// admin key. Baselines (pgbench, COPY) run against the same server, so ratios compare like with like.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly bool _keep;

    private BenchCluster(string directory, bool keep, EmbeddedPostgres postgres, string connectionString, string apiKey)
    {
        (_directory, _keep, Postgres, ConnectionString, ApiKey) = (directory, keep, postgres, connectionString, apiKey);
    }

    public EmbeddedPostgres Postgres { get; }
    public string ConnectionString { get; }
    public string ApiKey { get; }

    /// <param name="keepIn">A directory to keep the cluster in after the run (started again if it holds one); none: a throwaway one.</param>
    public static async Task<BenchCluster> StartAsync(CancellationToken ct, string? keepIn = null)
    {
        var directory = keepIn is null ? Path.Combine(Path.GetTempPath(), $"feedback-bench-{Guid.NewGuid():N}") : Path.GetFullPath(keepIn);
        // A kept cluster's secrets are sealed with the master key of the run that loaded it, so the key is kept beside it
        // and replaces this run's random one (for this process and the servers it starts).
        if (keepIn is not null)
            Environment.SetEnvironmentVariable("Keys__Master", KeptMasterKey(directory));
        var postgres = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "pg"), ct: ct);
        await postgres.CreateDatabaseIfMissingAsync("bench", ct);
        var connectionString = postgres.ConnectionString("bench");
        await using var app = await ToolHost.StartAsync(ct, connectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await DemoSeeder.SeedOrganizationAsync(db, ct);
        // Named by the time: a cluster kept for another run (--data-dir) holds the keys of the runs before.
        var key = await ApiKeyService.CreateAsync(db, $"bench {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}", ApiKeyScopes.Admin, TimeProvider.System, ct);
        return new BenchCluster(directory, keepIn is not null, postgres, connectionString, key);
    }

    private static string KeptMasterKey(string directory)
    {
        var path = Path.Combine(directory, "bench.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllText(path).Trim();
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
        if (_keep)
            return;
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
