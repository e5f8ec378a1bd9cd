using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>How the time allowed for a reply is counted.</summary>
public enum DeadlineMode
{
    /// <summary>Every hour counts, nights, weekends and holidays included.</summary>
    CalendarTime,

    /// <summary>Only hours between <see cref="DeadlineOptions.WorkdayStart"/> and <see cref="DeadlineOptions.WorkdayEnd"/> on workdays count.</summary>
    WorkingTime,
}

/// <summary>Reply deadlines of rectification cases. Bound from the "Deadlines" section.</summary>
public sealed class DeadlineOptions : IValidatableObject
{
    /// <summary>
    /// Time allowed for a reply after receipt, counted in <see cref="Mode"/>, as a span (<c>24:00:00</c>, <c>00:05:00</c>).
    /// Default: null, <see cref="ReplyHours"/>; when set it takes precedence.
    /// </summary>
    public TimeSpan? Reply { get; set; }

    /// <summary>Time allowed for a reply in whole hours, the older setting, used when <see cref="Reply"/> is not set. Default: 24.</summary>
    [Range(1, 8760)]
    public int ReplyHours { get; set; } = 24;

    /// <summary>The time allowed for a reply: <see cref="Reply"/>, or else <see cref="ReplyHours"/>.</summary>
    public TimeSpan ReplyTime => Reply ?? TimeSpan.FromHours(ReplyHours);

    /// <summary>Whether <see cref="ReplyHours"/> are calendar or working hours. Default: <see cref="DeadlineMode.CalendarTime"/>.</summary>
    public DeadlineMode Mode { get; set; } = DeadlineMode.CalendarTime;

    /// <summary>
    /// Local time the working day starts. Working hours per day are <see cref="WorkdayEnd"/> − <see cref="WorkdayStart"/>,
    /// one span without a lunch break. Default: 09:00.
    /// </summary>
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);

    /// <summary>Local time the working day ends; must be after <see cref="WorkdayStart"/> on the same day. Default: 17:00.</summary>
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);

    /// <summary>Most working days one extension (延期) may add. Default: 15.</summary>
    [Range(1, 365)]
    public int MaxExtensionWorkingDays { get; set; } = 15;

    /// <summary>
    /// Folder of year files (<c>2027.json</c>, …) used instead of the shipped calendars, e.g. to add a year before
    /// a release ships it. Default: null, the calendars shipped with the program.
    /// </summary>
    public string? CalendarDirectory { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Reply is { } reply && (reply < TimeSpan.FromMinutes(1) || reply > TimeSpan.FromDays(365)))
            yield return new ValidationResult("Reply must be between 00:01:00 and 365.00:00:00.", [nameof(Reply)]);
        if (WorkdayEnd <= WorkdayStart)
            yield return new ValidationResult("WorkdayEnd must be after WorkdayStart.", [nameof(WorkdayEnd)]);
    }
}
