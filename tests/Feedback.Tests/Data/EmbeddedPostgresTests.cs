using Feedback.Tests.Infrastructure;
using Feedback.Web.Data;
using Npgsql;

namespace Feedback.Tests.Data;

/// <summary>Each test starts a real cluster (about 1-3 s), so there are few of them.</summary>
public sealed class EmbeddedPostgresTests : IAsyncDisposable
{
    // Not CreateTempSubdirectory: its 0700 mode would keep the postgres user out when we run as root.
    private readonly string _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"feedback-pg-{Guid.NewGuid():N}")).FullName;
    private readonly List<EmbeddedPostgres> _servers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDirectory => Path.Combine(_directory, "pg");

    [Fact]
    public async Task StartAsync_NewDirectory_ServesQueriesOnItsOwnPort()
    {
        var server = await StartAsync();

        await server.CreateDatabaseIfMissingAsync("feedback", Ct);
        await server.CreateDatabaseIfMissingAsync("feedback", Ct);

        Assert.True(server.IsRunning);
        Assert.Equal("feedback", await ScalarAsync(server, "feedback", "SELECT current_database()"));
        Assert.Equal(server.Port, await ScalarAsync(server, "postgres", "SELECT current_setting('port')::int"));
    }

    [Fact]
    public async Task StopAsync_ThenStartAsyncAgain_RefusesConnectionsWhileStoppedAndKeepsTheData()
    {
        var first = await StartAsync();
        await ScalarAsync(first, "postgres", "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('好评')");

        await first.StopAsync();

        Assert.False(first.IsRunning);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync(first, "postgres", "SELECT 1"));
        var second = await StartAsync();
        Assert.Equal("好评", await ScalarAsync(second, "postgres", "SELECT note FROM kept"));
    }

    [Fact]
    public async Task StartAsync_OnARunningDirectory_AttachesAndOnlyTheOwnerStopsTheServer()
    {
        var owner = await StartAsync();

        var attached = await StartAsync();
        await attached.StopAsync();

        Assert.Equal(owner.Port, attached.Port);
        Assert.True(owner.IsRunning);
        Assert.Equal(1, await ScalarAsync(attached, "postgres", "SELECT 1"));
        await owner.StopAsync();
        Assert.False(owner.IsRunning);
    }

    public async ValueTask DisposeAsync()
    {
        // A server this test started is stopped even when an assertion failed half-way.
        foreach (var server in _servers)
        {
            await server.StopAsync();
        }
        foreach (var directory in _servers.Select(s => Path.GetDirectoryName(s.DataDirectory)!).Append(_directory).Distinct())
        {
            TestPostgres.TryDelete(directory);
        }
    }

    private async Task<EmbeddedPostgres> StartAsync()
    {
        try
        {
            var server = await EmbeddedPostgres.StartAsync(DataDirectory, ct: Ct);
            _servers.Add(server);
            return server;
        }
        catch (PostgresNotInstalledException ex) when (Environment.GetEnvironmentVariable("FEEDBACK_TEST_POSTGRES") is { Length: > 0 })
        {
            // The run uses an external server; this machine need not have PostgreSQL's binaries.
            Assert.Skip(ex.Message);
            throw;
        }
    }

    private static async Task<object?> ScalarAsync(EmbeddedPostgres server, string database, string sql)
    {
        // No pooling: a stopped server must be noticed by this very connection attempt.
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString(database)) { Pooling = false, Timeout = 5 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
