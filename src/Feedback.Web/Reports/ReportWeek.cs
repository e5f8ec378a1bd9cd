using System.Globalization;
using System.Text.RegularExpressions;

namespace Feedback.Web.Reports;

/// <summary>An ISO week in China time: Monday 00:00 to Sunday 24:00, Asia/Shanghai. Written as "2026-W47".</summary>
public readonly partial record struct ReportWeek(int Year, int Week) : IComparable<ReportWeek>
{
    /// <summary>China has kept UTC+8 without daylight saving time since 1991, so a fixed offset is exact for reports.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public DateTimeOffset Start => new(Monday.ToDateTime(TimeOnly.MinValue), Offset);

    public DateTimeOffset End => Start.AddDays(7);

    public ReportWeek Previous => Containing(Start.AddDays(-7));

    public ReportWeek Next => Containing(End);

    /// <summary>The week that contains <paramref name="instant"/> in China time.</summary>
    public static ReportWeek Containing(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Offset).DateTime;
        return new(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
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
