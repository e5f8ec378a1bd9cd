using System.Net.Sockets;
using Npgsql;

namespace Feedback.Web.Data;

/// <summary>Which exceptions mean "the database cannot be reached now" (a retry later may succeed), as opposed to a bug.</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// True when the exception, or one it wraps (EF Core and the rating writer wrap them), is a refused or broken
    /// connection, a timeout, or PostgreSQL shutting down, starting up or out of connections.
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // 08: connection exception; 57P01-57P03: shutdown or start-up; 53300: too many connections.
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case DatabaseStartingException:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}

/// <summary>A request arrived while the server still waits for the database at start.</summary>
public sealed class DatabaseStartingException() : Exception("The server is still waiting for the database.");

public static class DatabaseGate
{
    /// <summary>Until the database is ready, every request but /health fails as an outage would (503 with Retry-After).</summary>
    public static IApplicationBuilder UseDatabaseGate(this IApplicationBuilder app)
    {
        var initializer = app.ApplicationServices.GetRequiredService<DatabaseInitializer>();
        return app.Use((context, next) => initializer.IsReady || context.Request.Path.StartsWithSegments("/health")
            ? next(context)
            : throw new DatabaseStartingException());
    }
}
