using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Feedback.Web.Data;

internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseInitializer initializer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.IsReady)
            return HealthCheckResult.Unhealthy($"Waiting for the database at start ({initializer.FailedAttempts} failed attempts so far).");
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (DatabaseFaults.IsUnreachable(ex))
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
