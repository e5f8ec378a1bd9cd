using System.Globalization;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>One configured reminder: a share of the time allowed, or a span of countable time before the deadline.</summary>
public sealed record ReminderPoint(string Kind, double? Fraction, TimeSpan? BeforeDue)
{
    public static bool TryParseList(string text, out IReadOnlyList<ReminderPoint> points)
    {
        var list = new List<ReminderPoint>();
        points = list;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(part, out var point))
                list.Add(point);
            else
                return false;
        }
        return list.Select(p => p.Kind).Distinct().Count() == list.Count;
    }

    private static bool TryParse(string text, out ReminderPoint point)
    {
        point = null!;
        var number = text[..^1];
        if (text.EndsWith('%') && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and < 100)
        {
            point = new($"remind-{text}", percent / 100, null);
            return true;
        }
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return false;
        TimeSpan? span = text[^1] switch { 'h' => TimeSpan.FromHours(amount), 'm' => TimeSpan.FromMinutes(amount), 's' => TimeSpan.FromSeconds(amount), _ => null };
        if (span is null)
            return false;
        point = new($"remind-{text}", null, span);
        return true;
    }
}
