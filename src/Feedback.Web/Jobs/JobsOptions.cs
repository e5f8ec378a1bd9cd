using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Jobs;

/// <summary>Hangfire on PostgreSQL. Bound from the "Jobs" section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Schema of Hangfire's tables. Default: "hangfire".</summary>
    [Required]
    public string Schema { get; set; } = "hangfire";

    /// <summary>How often idle workers look for queued jobs. Default: 1 s (Hangfire's own is 15 s).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often due delayed jobs are moved to the queue. Default: 1 s (Hangfire's own is 15 s).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Workers in this process. Default: 2.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// Create or upgrade Hangfire's tables on start, one process at a time under an advisory lock (<see cref="HangfireSchema"/>).
    /// Default: true; turn off for a user without DDL rights.
    /// </summary>
    public bool PrepareSchemaIfNecessary { get; set; } = true;

    /// <summary>
    /// How long a Hangfire distributed lock row (e.g. the recurring-jobs lock) counts as held. A process killed while
    /// holding one leaves the row behind; the others take it over after this time. Default: 1 minute (Hangfire.PostgreSql's
    /// own is 10 minutes). The deadline sweep and outbox delivery do not depend on it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Run a job server in this process. Default: true.</summary>
    public bool RunServer { get; set; } = true;
}
