using Feedback.Tests.Infrastructure;
using Npgsql;

namespace Feedback.Tests.Reliability;

/// <summary>
/// Two job servers started at the same moment on a new, empty database: both migrate and install Hangfire's schema,
/// and neither may log an error for it (Hangfire.PostgreSql's own install raced on <c>CREATE SCHEMA</c>).
/// </summary>
public sealed class ConcurrentFirstStartTests
{
    private const int Rounds = 3;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyDictionary<string, string> JobServer = new Dictionary<string, string> { ["Jobs__RunServer"] = "true" };

    [Fact]
    public async Task Serve_TwoFirstStartsAtOnceOnAnEmptyDatabase_BothBecomeHealthyWithoutAnError()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var connectionString = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync("first_start");
            await using var first = WebProcess.Launch(connectionString, JobServer);
            await using var second = WebProcess.Launch(connectionString, JobServer);

            await Task.WhenAll(first.WaitUntilHealthyAsync(Ct), second.WaitUntilHealthyAsync(Ct));

            Assert.Equal(1, await CountAsync(connectionString, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
            foreach (var server in new[] { first, second })
            {
                // The health-check service logs each unhealthy /health answer (waiting for the database) at error
                // level, and the test's own polling causes those: they report the start, not a fault in it.
                var log = server.Log.ToList();
                var errors = log.Where((line, i) => (line.Contains("fail:", StringComparison.Ordinal)
                        || line.Contains("crit:", StringComparison.Ordinal) || line.Contains("Error", StringComparison.Ordinal))
                    && !line.Contains("DefaultHealthCheckService", StringComparison.Ordinal)
                    && !(i > 0 && log[i - 1].Contains("DefaultHealthCheckService", StringComparison.Ordinal))).ToList();
                Assert.True(errors.Count == 0, $"round {round}: an error in a server's log:\n{string.Join('\n', errors.Take(40))}");
            }
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
