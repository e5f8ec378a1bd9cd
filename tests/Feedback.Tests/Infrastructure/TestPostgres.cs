using Feedback.Web.Data;
using Npgsql;

[assembly: AssemblyFixture(typeof(Feedback.Tests.Infrastructure.TestPostgres))]

namespace Feedback.Tests.Infrastructure;

/// <summary>
/// The test run's PostgreSQL: a throwaway cluster started from the machine's binaries and removed at the end,
/// or the server named by FEEDBACK_TEST_POSTGRES (a connection string whose user may create databases).
/// Each test class gets a database of its own, so classes run in parallel without resets.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private static readonly Lazy<Task<TestPostgres>> Instance = new(StartAsync);
    private readonly EmbeddedPostgres? _cluster;
    private readonly string _adminConnectionString;
    private readonly string _directory;

    private TestPostgres(EmbeddedPostgres? cluster, string adminConnectionString, string directory)
    {
        (_cluster, _adminConnectionString, _directory) = (cluster, adminConnectionString, directory);
    }

    public TestPostgres()
    {
        // xunit creates this as the assembly fixture only to dispose the shared instance at the end.
        _adminConnectionString = "";
        _directory = "";
    }

    public static Task<TestPostgres> SharedAsync() => Instance.Value;

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
            TryDelete(_directory);
        }
        else if (Instance.IsValueCreated && Instance.Value.IsCompletedSuccessfully && Instance.Value.Result != this)
        {
            await Instance.Value.Result.DisposeAsync();
        }
    }

    private static async Task<TestPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("FEEDBACK_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new TestPostgres(null, external, "");
        }
        var directory = Path.Combine(Path.GetTempPath(), $"feedback-tests-{Guid.NewGuid():N}");
        var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "pg"));
        return new TestPostgres(cluster, cluster.ConnectionString("postgres"), directory);
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
