using Feedback.Web.Accounts;
using Feedback.Web.Infrastructure;
using Feedback.Web.Notifications;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>
/// Notices when this server's deadline sweep has not completed for <see cref="StallFactor"/> intervals: it logs one
/// warning, reports the <c>deadline-sweep</c> health check as degraded and queues one inbox message to the admins
/// (kept owed until the database takes it). A sweep that completes again clears the stall.
/// </summary>
public sealed class SweepWatchdog(NpgsqlDataSource dataSource, TimeProvider time, CentreTime centre, IOptions<CaseOptions> options, ILogger<SweepWatchdog> logger)
    : IHealthCheck
{
    public const string CheckName = "deadline-sweep";
    public const int StallFactor = 3;
    private readonly Lock _lock = new();
    private DateTimeOffset _lastCompleted = time.GetUtcNow();
    private DateTimeOffset? _stalledSince;
    private DateTimeOffset? _alertOwed;

    public TimeSpan Limit => StallFactor * options.Value.SweepInterval;

    public DateTimeOffset LastCompleted
    {
        get { lock (_lock) return _lastCompleted; }
    }

    public bool IsStalled => time.GetUtcNow() - LastCompleted > Limit;

    public void Completed()
    {
        lock (_lock)
            _lastCompleted = time.GetUtcNow();
    }

    /// <summary>Called every sweep interval: logs and alerts once per stall, and notes the end of one.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var last = LastCompleted;
        if (!IsStalled)
        {
            if (_stalledSince is not null)
                logger.LogInformation("Deadline sweep completed again after a stall since {Since:u}", _stalledSince);
            _stalledSince = null;
        }
        else if (_stalledSince != last)
        {
            _stalledSince = _alertOwed = last;
            logger.LogWarning("No deadline sweep has completed on this server since {Since:u} (more than {Limit} s): reminders and escalations are not being sent",
                last, Limit.TotalSeconds);
        }
        if (_alertOwed is { } since && await TryAlertAsync(since, ct))
            _alertOwed = null;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = LastCompleted;
        var data = new Dictionary<string, object> { ["lastCompleted"] = last, ["limitSeconds"] = Limit.TotalSeconds };
        return Task.FromResult(IsStalled
            ? HealthCheckResult.Degraded($"No deadline sweep has completed since {last:u}: reminders and escalations are late.", data: data)
            : HealthCheckResult.Healthy($"Last deadline sweep completed at {last:u}.", data));
    }

    private async Task<bool> TryAlertAsync(DateTimeOffset since, CancellationToken ct)
    {
        var server = $"{Environment.MachineName} (pid {Environment.ProcessId})";
        var now = time.GetUtcNow();
        var alert = new Notification
        {
            EventKey = $"watchdog:deadline-sweep:{server}:{since.UtcTicks}", Target = NotificationTargets.Inbox(Roles.Admin),
            Kind = "watchdog", Title = "期限巡检已停止",
            Body = $"服务器 {server} 自 {centre.ToLocal(since):M月d日 HH:mm:ss} 起未完成期限巡检，整改提醒和超期督办暂未发出。请检查数据库连接和服务日志。",
            CreatedAt = now, NextAttemptAt = now,
        };
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await OutboxWriter.AddAsync(connection, transaction, [alert], ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The database may be the cause of the stall: the alert stays owed and is tried at the next check.
            logger.LogDebug("The stall alert could not be queued yet: {Error}", ex.Message);
            return false;
        }
    }
}
