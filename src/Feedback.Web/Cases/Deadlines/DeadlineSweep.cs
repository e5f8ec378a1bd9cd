using Feedback.Web.Notifications;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>What one pass of the sweep did.</summary>
public readonly record struct SweepResult(int Cases, int Reminders, int Escalations, int Skipped);

/// <summary>
/// Sends the reminders and escalations that have fallen due. Cases are locked with FOR UPDATE SKIP LOCKED and each
/// handled alert is recorded under a unique key in the same transaction as its notifications, so an alert happens
/// exactly once whether the pass is repeated, interrupted by a crash, or run by two servers at once.
/// </summary>
public sealed class DeadlineSweep(NpgsqlDataSource dataSource, CaseSchedule schedule, CaseNotices notices, TimeProvider time,
    IOptions<CaseOptions> options, ILogger<DeadlineSweep> logger)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var total = new SweepResult();
        while (true)
        {
            var pass = await SweepBatchAsync(now, ct);
            total = new(total.Cases + pass.Cases, total.Reminders + pass.Reminders, total.Escalations + pass.Escalations, total.Skipped + pass.Skipped);
            if (pass.Cases < options.Value.SweepBatchSize)
                break;
        }
        if (total.Cases > 0)
            logger.LogInformation("Deadline sweep: {Reminders} reminders, {Escalations} escalations, {Skipped} superseded alerts over {Cases} cases",
                total.Reminders, total.Escalations, total.Skipped, total.Cases);
        return total;
    }

    private async Task<SweepResult> SweepBatchAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var due = await DueCases.LockAsync(connection, transaction, now, options.Value.SweepBatchSize, ct);
        var plan = new SweepPlan();
        foreach (var c in due)
            Plan(c, now, plan);
        var fresh = await DueCases.RecordAlertsAsync(connection, transaction, plan.Alerts, ct);
        var sent = plan.Sent.Where(s => fresh.Contains((s.Case.Id, s.Alert.Kind))).ToList();
        await DueCases.UpdateAsync(connection, transaction, plan.Updates, now, ct);
        await CaseEventWriter.AddAsync(connection, transaction, sent.Where(s => s.IsEscalation)
            .Select(s => CaseEventWriter.BySystem(s.Case.Id, now, CaseSchedule.Escalation, s.Case.State, s.Case.State, "超期未反馈，已督办")).ToList(), ct);
        await OutboxWriter.AddAsync(connection, transaction, sent.SelectMany(s => s.IsEscalation
            ? notices.Escalated(s.Case.Id, s.Case.DepartmentCode, now, s.Case.DueAt)
            : notices.Reminder(s.Case.Id, s.Case.DepartmentCode, s.Alert.Kind, now, s.Case.DueAt)).ToList(), ct);
        await transaction.CommitAsync(ct);
        var escalations = sent.Count(s => s.IsEscalation);
        return new(due.Count, sent.Count - escalations, escalations, plan.Alerts.Count - plan.Sent.Count);
    }

    /// <summary>
    /// Of the alerts due since the case's last one, only the latest is sent: after downtime a case that is already
    /// overdue gets its escalation, not a late "1 hour left" as well. The others are recorded as skipped.
    /// </summary>
    private void Plan(DueCase c, DateTimeOffset now, SweepPlan plan)
    {
        if (!CaseStates.ClockRuns(c.State))
        {
            plan.Updates.Add(new(c.Id, null, null));
            return;
        }
        var alerts = schedule.Alerts(c.OpenedAt, c.DueAt);
        // The stored instant is rounded to microseconds; recomputed ones may differ below that.
        var dueNow = alerts.Where(a => a.At > c.NextAlertAt - Tolerance && a.At <= now).ToList();
        for (var i = 0; i < dueNow.Count; i++)
        {
            var latest = i == dueNow.Count - 1;
            plan.Alerts.Add(new CaseAlert { CaseId = c.Id, Kind = dueNow[i].Kind, DueAt = c.DueAt, ScheduledAt = dueNow[i].At, HandledAt = now, Skipped = !latest });
            if (latest)
                plan.Sent.Add(new(c, dueNow[i]));
        }
        var escalated = dueNow.Count > 0 && dueNow[^1].Kind == CaseSchedule.Escalation;
        var next = alerts.Where(a => a.At > now).Select(a => (DateTimeOffset?)a.At).FirstOrDefault();
        plan.Updates.Add(new(c.Id, escalated ? null : next, escalated ? now : null));
    }

    private sealed record SentAlert(DueCase Case, ScheduledAlert Alert)
    {
        public bool IsEscalation => Alert.Kind == CaseSchedule.Escalation;
    }

    private sealed class SweepPlan
    {
        public List<CaseAlert> Alerts { get; } = [];
        public List<SentAlert> Sent { get; } = [];
        public List<CaseUpdate> Updates { get; } = [];
    }
}
