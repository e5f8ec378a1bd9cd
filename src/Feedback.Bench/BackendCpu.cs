using Npgsql;

namespace Feedback.Bench;

/// <summary>
/// CPU time of PostgreSQL backend processes, read from /proc (zero elsewhere). On a shared machine wall-clock rates
/// swing with the neighbours' load; CPU per row tells whether a change made the client or the database cheaper.
/// </summary>
internal static class BackendCpu
{
    // USER_HZ: 100 on every Linux this runs on.
    private const long TicksPerClockTick = TimeSpan.TicksPerSecond / 100;

    public static TimeSpan Of(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return TimeSpan.Zero;
        }
        var stat = File.ReadAllText(path);
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromTicks((long.Parse(fields[11]) + long.Parse(fields[12])) * TicksPerClockTick);
    }

    /// <summary>The CPU used so far by every other client session on the database: the import's pooled connections.</summary>
    public static async Task<TimeSpan> OfOtherSessionsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var total = TimeSpan.Zero;
        while (await reader.ReadAsync(ct))
        {
            total += Of(reader.GetInt32(0));
        }
        return total;
    }
}
