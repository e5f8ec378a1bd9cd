using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>The alerts a case's deadline gives rise to: the configured reminders, then the escalation at the deadline.</summary>
public readonly record struct ScheduledAlert(string Kind, DateTimeOffset At);

public sealed class CaseSchedule
{
    public const string Escalation = "escalate";

    private readonly DeadlineCalculator _deadlines;
    private readonly IReadOnlyList<ReminderPoint> _reminders;

    public CaseSchedule(DeadlineCalculator deadlines, IOptions<CaseOptions> options)
    {
        _deadlines = deadlines;
        if (!ReminderPoint.TryParseList(options.Value.Reminders, out _reminders))
            throw new ArgumentException($"Cases:Reminders is not valid: {options.Value.Reminders}", nameof(options));
    }

    public DeadlineCalculator Deadlines => _deadlines;

    /// <summary>Every alert for a deadline, in time order; reminders that would fall before the case opened are left out.</summary>
    public IReadOnlyList<ScheduledAlert> Alerts(DateTimeOffset openedAt, DateTimeOffset dueAt)
    {
        var alerts = new List<ScheduledAlert>(_reminders.Count + 1);
        foreach (var reminder in _reminders)
        {
            var at = reminder.Fraction is { } fraction
                ? _deadlines.FractionElapsedAt(openedAt, dueAt, fraction)
                : _deadlines.BeforeDue(dueAt, reminder.BeforeDue!.Value);
            if (at > openedAt && at < dueAt)
                alerts.Add(new(reminder.Kind, at));
        }
        alerts.Sort((a, b) => a.At.CompareTo(b.At));
        alerts.Add(new(Escalation, dueAt));
        return alerts;
    }

    /// <summary>The first alert at or after <paramref name="from"/>, or null when none is left.</summary>
    public DateTimeOffset? NextAt(DateTimeOffset openedAt, DateTimeOffset dueAt, DateTimeOffset from) =>
        Alerts(openedAt, dueAt).Where(a => a.At >= from).Select(a => (DateTimeOffset?)a.At).FirstOrDefault();

    /// <summary>
    /// Where alerts resume when the clock runs again (an appeal rejected): at once if the deadline has passed, so
    /// the escalation is not lost, else at the next alert still ahead; reminders due meanwhile are not sent late.
    /// </summary>
    public DateTimeOffset? ResumeAt(DateTimeOffset openedAt, DateTimeOffset dueAt, DateTimeOffset now, bool escalated) =>
        escalated ? null : now >= dueAt ? dueAt : NextAt(openedAt, dueAt, now);
}
