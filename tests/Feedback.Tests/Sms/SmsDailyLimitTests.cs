using Feedback.Tests.Cases;
using Feedback.Web.Sms;

namespace Feedback.Tests.Sms;

/// <summary>The service's own daily limit (Sms:PerDay), over different numbers.</summary>
public sealed class SmsDailyLimitTests(SmsDailyLimitApp app) : IClassFixture<SmsDailyLimitApp>
{
    [Fact]
    public async Task Deliver_OverThePerDayLimit_SkipsTheRestWithTheReasonUntilADayHasPassed()
    {
        var cases = new List<long>();
        for (var i = 0; i < 3; i++)
            cases.Add(await app.OpenCaseWithPhoneAsync(SmsApp.NewPhone()));
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromHours(25));
        var nextDay = await app.OpenCaseWithPhoneAsync(SmsApp.NewPhone());

        await app.DeliverAsync();

        var statuses = await app.QueryAsync("SELECT status, reason FROM sms_messages WHERE case_id = ANY($1) ORDER BY notification_id",
            r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), cases.ToArray());
        Assert.Equal([(SmsStatuses.Accepted, null), (SmsStatuses.Accepted, null), (SmsStatuses.Skipped, "超过每日共 2 条的限制")], statuses);
        Assert.Equal([SmsStatuses.Accepted], await app.QueryAsync("SELECT status FROM sms_messages WHERE case_id = $1", r => r.GetString(0), nextDay));
        Assert.Equal(3, app.Gateway.Delivered.Count);
    }
}
