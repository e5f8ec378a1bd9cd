using Hangfire.PostgreSql;
using Npgsql;

namespace Feedback.Web.Jobs;

/// <summary>
/// Installs or upgrades Hangfire's schema one process at a time. Hangfire.PostgreSql's own install on storage creation
/// does not serialise: two servers starting at once on an empty database both run <c>CREATE SCHEMA</c> and one logs a
/// duplicate-key error. Here each takes a PostgreSQL advisory lock first; the second finds the schema current.
/// </summary>
internal static class HangfireSchema
{
    /// <summary>Advisory lock key of the install, "HFSCHEMA"; distinct from the service's other advisory locks.</summary>
    public const long InstallLock = 0x4846_5343_4845_4D41;

    public static void Install(string connectionString, string schema)
    {
        // Not pooled: the session-level lock must end with this connection even if an unlock is cut.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = InstallLock } } })
        {
            // An install runs scripts for seconds at most; waiting for another process's is the point.
            take.CommandTimeout = 0;
            take.ExecuteNonQuery();
        }
        PostgreSqlObjectsInstaller.Install(connection, schema);
        using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = InstallLock } } };
        release.ExecuteNonQuery();
    }
}
