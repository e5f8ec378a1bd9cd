namespace Feedback.Web.Accounts;

internal static class AccountClock
{
    public static DateTime ToLocal(DateTimeOffset instant, string zoneId) => TimeZoneInfo.ConvertTime(instant, FindZone(zoneId)).DateTime;

    /// <summary>The instant (in UTC, as PostgreSQL takes it) a local calendar day begins: date filters read dates in the centre's zone.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, string zoneId)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, FindZone(zoneId).GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        // Slim containers may lack tzdata; the centre's own zone has a fixed offset, so it needs none.
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
