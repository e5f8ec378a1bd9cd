using Microsoft.Extensions.Options;

namespace Feedback.Web.Infrastructure;

/// <summary>
/// The centre's time zone (<see cref="CentreTimeOptions.TimeZone"/>) and the calendar in it: instants are stored and
/// compared in UTC, people read and type local times and dates.
/// </summary>
public sealed class CentreTime
{
    private readonly TimeProvider _time;

    public CentreTime(IOptions<CentreTimeOptions> options, TimeProvider time)
    {
        Zone = FindZone(options.Value.TimeZone);
        _time = time;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The local wall-clock time of an instant.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant of a local wall-clock time, in UTC.</summary>
    public DateTimeOffset ToUtc(DateTime local)
    {
        // Asia/Shanghai has no daylight saving time, so every local time maps to exactly one instant.
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Zone.GetUtcOffset(wallClock)).ToUniversalTime();
    }

    /// <summary>Today's date in the centre.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(ToLocal(_time.GetUtcNow()));

    /// <summary>The instant a local date begins, in UTC (as PostgreSQL compares it), e.g. a "from" date filter.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The end of the local day <paramref name="instant"/> falls on (the next local midnight), in UTC.</summary>
    public DateTimeOffset EndOfDay(DateTimeOffset instant) => ToUtc(ToLocal(instant).Date.AddDays(1));

    /// <summary>The instant the week (Monday 00:00 local, as ISO weeks count) containing <paramref name="day"/> begins, in UTC.</summary>
    public DateTimeOffset StartOfWeek(DateOnly day) => StartOfDay(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));

    /// <summary>The zone of an IANA id; Asia/Shanghai (a fixed UTC+8) even where tzdata is missing.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        // Slim containers ship without tzdata; China's fixed UTC+8 needs none.
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
