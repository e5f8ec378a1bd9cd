using Feedback.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>
/// Deadline arithmetic in <see cref="DeadlineOptions.Mode"/>. Instants go in and come out in UTC; workdays and working
/// hours are read in the centre's time zone (<see cref="CentreTime"/>). In working time only the span WorkdayStart–WorkdayEnd of
/// each workday counts, so a case received after hours or on a rest day starts counting at the next workday's start.
/// </summary>
public sealed class DeadlineCalculator
{
    // A deadline ten years out means a broken calendar or duration; stop rather than scan forever.
    private const int MaxDaysScanned = 3660;

    private readonly DeadlineOptions _options;
    private readonly WorkingCalendar _calendar;
    private readonly CentreTime _centre;

    public DeadlineCalculator(IOptions<DeadlineOptions> options, WorkingCalendar calendar, CentreTime centre)
    {
        _options = options.Value;
        if (_options.WorkdayEnd <= _options.WorkdayStart)
            throw new ArgumentException("WorkdayEnd must be after WorkdayStart.", nameof(options));
        _calendar = calendar;
        _centre = centre;
    }

    /// <summary>When the reply to a case received at <paramref name="receivedAt"/> is due (<see cref="DeadlineOptions.ReplyTime"/>).</summary>
    public DateTimeOffset ReplyDueAt(DateTimeOffset receivedAt) => DueAt(receivedAt, _options.ReplyTime);

    /// <summary>The instant <paramref name="duration"/> of countable time after <paramref name="start"/>.</summary>
    public DateTimeOffset DueAt(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (_options.Mode == DeadlineMode.CalendarTime || duration == TimeSpan.Zero)
            return (start + duration).ToUniversalTime();

        var floor = ToLocal(start);
        var day = DateOnly.FromDateTime(floor);
        var left = duration;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(1), floor = DateTime.MinValue)
        {
            if (!_calendar.IsWorkday(day))
                continue;
            var from = Max(floor, day.ToDateTime(_options.WorkdayStart));
            var available = day.ToDateTime(_options.WorkdayEnd) - from;
            if (left <= available)
                return ToUtc(from + left);
            if (available > TimeSpan.Zero)
                left -= available;
        }
        throw new InvalidOperationException($"No workday within {MaxDaysScanned} days after {start:O}.");
    }

    /// <summary>
    /// The instant <paramref name="remaining"/> of countable time before <paramref name="due"/>, e.g. the reminder
    /// "1 h before" (in working time: 16:30 on Friday for a due of 09:30 on Monday).
    /// </summary>
    public DateTimeOffset BeforeDue(DateTimeOffset due, TimeSpan remaining)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(remaining, TimeSpan.Zero);
        if (_options.Mode == DeadlineMode.CalendarTime || remaining == TimeSpan.Zero)
            return (due - remaining).ToUniversalTime();

        var ceiling = ToLocal(due);
        var day = DateOnly.FromDateTime(ceiling);
        var left = remaining;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(-1), ceiling = DateTime.MaxValue)
        {
            if (!_calendar.IsWorkday(day))
                continue;
            var to = Min(ceiling, day.ToDateTime(_options.WorkdayEnd));
            var available = to - day.ToDateTime(_options.WorkdayStart);
            if (left <= available)
                return ToUtc(to - left);
            if (available > TimeSpan.Zero)
                left -= available;
        }
        throw new InvalidOperationException($"No workday within {MaxDaysScanned} days before {due:O}.");
    }

    /// <summary>Countable time from <paramref name="now"/> to <paramref name="due"/>; negative once overdue.</summary>
    public TimeSpan Remaining(DateTimeOffset now, DateTimeOffset due) =>
        now <= due ? Between(now, due) : -Between(due, now);

    /// <summary>
    /// The instant at which <paramref name="fraction"/> of the time allowed from <paramref name="start"/> to
    /// <paramref name="due"/> has elapsed, e.g. 0.5 and 0.75 for the reminders at 50 % and 75 %.
    /// </summary>
    public DateTimeOffset FractionElapsedAt(DateTimeOffset start, DateTimeOffset due, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(due, start);
        return DueAt(start, Between(start, due) * fraction);
    }

    /// <summary>
    /// A new deadline <paramref name="workingDays"/> whole workdays after <paramref name="from"/>, in either mode: the
    /// end of working hours on the Nth workday after the local date of <paramref name="from"/>. As with statutory
    /// periods, the starting day is not counted and the last day ends when business stops, so the time of day of
    /// <paramref name="from"/> does not shorten the extension.
    /// </summary>
    public DateTimeOffset ExtendedDueAt(DateTimeOffset from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, _options.MaxExtensionWorkingDays);

        var day = DateOnly.FromDateTime(ToLocal(from));
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (_calendar.IsWorkday(day))
                counted++;
        }
        return ToUtc(day.ToDateTime(_options.WorkdayEnd));
    }

    private TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (_options.Mode == DeadlineMode.CalendarTime)
            return to - from;

        var (start, end) = (ToLocal(from), ToLocal(to));
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!_calendar.IsWorkday(day))
                continue;
            var span = Min(end, day.ToDateTime(_options.WorkdayEnd)) - Max(start, day.ToDateTime(_options.WorkdayStart));
            if (span > TimeSpan.Zero)
                total += span;
        }
        return total;
    }

    private DateTime ToLocal(DateTimeOffset instant) => _centre.ToLocal(instant);

    private DateTimeOffset ToUtc(DateTime local) => _centre.ToUtc(local);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
