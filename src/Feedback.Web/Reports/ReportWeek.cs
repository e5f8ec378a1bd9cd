using System.Globalization;
using System.Text.RegularExpressions;

namespace Feedback.Web.Reports;

/// <summary>
/// An ISO week in the centre's zone (<see cref="Zone"/>, Centre__TimeZone): Monday 00:00 to Sunday 24:00 there.
/// Written as "2026-W47".
/// </summary>
public readonly partial record struct ReportWeek(int Year, int Week) : IComparable<ReportWeek>
{
    /// <summary>
    /// The centre's zone, set at start-up from <see cref="Infrastructure.CentreTime"/> (<see cref="ReportWeekZone"/>); Asia/Shanghai
    /// until then. Static, because a week is a value parsed from URLs and job arguments, and a process serves one centre.
    /// </summary>
    public static TimeZoneInfo Zone { get; private set; } = Infrastructure.CentreTime.FindZone(new Infrastructure.CentreTimeOptions().TimeZone);

    internal static void UseZone(TimeZoneInfo zone) => Zone = zone;

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public DateTimeOffset Start => StartIn(Zone);

    public DateTimeOffset End => Next.Start;

    public ReportWeek Previous => Of(Monday.AddDays(-7));

    public ReportWeek Next => Of(Monday.AddDays(7));

    /// <summary>Monday 00:00 of the week in <paramref name="zone"/>, as an instant.</summary>
    public DateTimeOffset StartIn(TimeZoneInfo zone)
    {
        var midnight = Monday.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The week that contains <paramref name="instant"/> in the centre's zone.</summary>
    public static ReportWeek Containing(DateTimeOffset instant) => Containing(instant, Zone);

    /// <summary>The week that contains <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static ReportWeek Containing(DateTimeOffset instant, TimeZoneInfo zone) => Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));

    /// <summary>An instant as the centre's wall clock reads it (with that moment's offset), for printing.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static ReportWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    public static ReportWeek Parse(string text) =>
        TryParse(text, out var week) ? week : throw new ArgumentException($"Not an ISO week like 2026-W47: '{text}'.", nameof(text));

    public static bool TryParse(string? text, out ReportWeek week)
    {
        week = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
            return false;
        var (year, number) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        if (year is < 2000 or > 2200 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
            return false;
        week = new(year, number);
        return true;
    }

    public int CompareTo(ReportWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public static bool operator <(ReportWeek a, ReportWeek b) => a.CompareTo(b) < 0;

    public static bool operator >(ReportWeek a, ReportWeek b) => a.CompareTo(b) > 0;

    public static bool operator <=(ReportWeek a, ReportWeek b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ReportWeek a, ReportWeek b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:0000}-W{Week:00}";

    [GeneratedRegex(@"^(\d{4})-?W(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
