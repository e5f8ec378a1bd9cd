namespace Feedback.Web.Accounts;

internal static class AccountClock
{
    public static DateTime ToLocal(DateTimeOffset instant, string zoneId) => TimeZoneInfo.ConvertTime(instant, FindZone(zoneId)).DateTime;

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
