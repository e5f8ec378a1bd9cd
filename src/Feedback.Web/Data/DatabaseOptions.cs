using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Data;

/// <summary>Where PostgreSQL lives. Bound from the "Database" section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>
    /// Directory of the embedded cluster used when no <c>ConnectionStrings:Feedback</c> is set.
    /// Default: <c>data/postgres</c> under the current directory.
    /// </summary>
    [Required]
    public string EmbeddedDataDirectory { get; set; } = Path.Combine("data", "postgres");

    /// <summary>PostgreSQL server binaries (initdb, pg_ctl). Default: the newest under /usr/lib/postgresql.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Create and update the schema on start. Default: true. Turn off for a user without DDL rights.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Longest wait between attempts to reach the database at start (1 s, doubling up to this). Default: 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
