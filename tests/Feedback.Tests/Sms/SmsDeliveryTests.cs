using Feedback.Tests.Cases;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Feedback.Web.Sms;

namespace Feedback.Tests.Sms;

/// <summary>Text messages to the citizen through a real HTTP gateway that fails, hangs and recovers.</summary>
public sealed class SmsDeliveryTests(SmsApp app) : IClassFixture<SmsApp>, IAsyncLifetime
{
    private SmsGatewayReceiver Gateway => app.Gateway;

    [Fact]
    public async Task Deliver_CaseReceivedWithPhone_TextsTheReferenceAndTrackingLinkSignedWithTheAppSecret()
    {
        var phone = SmsApp.NewPhone();
        var caseId = await app.OpenCaseWithPhoneAsync(phone);

        await app.DeliverAsync();

        var key = await KeyAsync(caseId, CitizenSms.ReceivedKind);
        var request = Assert.Single(Gateway.For(key));
        Assert.True(request.SignatureValid);
        Assert.False(SmsGatewayReceiver.Verify("another-secret", request.Headers, request.Body));
        Assert.Equal(SmsApp.AppKey, request.Headers["X-Sms-AppKey"]);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), request.Headers["X-Sms-Timestamp"]);
        Assert.Equal((phone, "某某政务服务中心", key), (request.Json.GetProperty("to").GetString(), request.Json.GetProperty("sender").GetString(), request.Json.GetProperty("messageId").GetString()));
        var text = request.Json.GetProperty("text").GetString()!;
        Assert.Matches(@"^您对\S+的评价已收到，查询编号\d{5} \d{5}。部门将尽快核实整改并答复，进度请见：http://\S+/t/[A-Za-z0-9_-]{43}$", text);
        var status = await StatusAsync(caseId, CitizenSms.ReceivedKind);
        Assert.Equal((SmsStatuses.Accepted, 1, null, true), (status.Status, status.Attempts, status.Reason, status.GatewayId!.StartsWith("gw-")));
        Assert.Equal(PhoneProtector.Mask(phone), status.Masked);
    }

    [Fact]
    public async Task Rate_BadWithPhone_KeepsTheNumberEncryptedForTheCaseOnly()
    {
        var phone = SmsApp.NewPhone();
        var caseId = await app.OpenCaseWithPhoneAsync(phone);

        var cipher = (await app.QueryAsync("SELECT contact_phone_cipher FROM cases WHERE id = $1", r => (byte[])r[0], caseId)).Single();
        var columns = await app.QueryAsync("SELECT e.*::text FROM evaluations e JOIN cases c ON c.evaluation_id = e.id WHERE c.id = $1", r => r.GetString(0), caseId);

        Assert.DoesNotContain(phone, System.Text.Encoding.Latin1.GetString(cipher));
        Assert.Equal(phone, app.Services.GetRequiredService<ContactPhones>().Unprotect(cipher));
        Assert.DoesNotContain(phone, Assert.Single(columns));
        var detail = await app.Admin.GetStringAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(phone, detail);
        Assert.DoesNotContain("contactPhone", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deliver_GatewayFailingHangingThenRecovering_EveryMessageArrivesOnceUnderAStableKey()
    {
        var cases = new[] { await app.OpenCaseWithPhoneAsync(SmsApp.NewPhone()), await app.OpenCaseWithPhoneAsync(SmsApp.NewPhone()) };
        var keys = new[] { await KeyAsync(cases[0], CitizenSms.ReceivedKind), await KeyAsync(cases[1], CitizenSms.ReceivedKind) };

        Gateway.Mood = GatewayMood.Failing;
        await app.DeliverAsync();
        var failed = await AttemptedAsync(cases);
        Gateway.Mood = GatewayMood.Hanging;
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await app.DeliverAsync();
        var hung = await AttemptedAsync(cases);
        // The gateway takes a message but its answer is lost: we must send it again, it must not pass it on again.
        Gateway.Mood = GatewayMood.TakesThenFails;
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await app.DeliverAsync();
        Gateway.Mood = GatewayMood.Up;
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(80));
            await app.DeliverAsync();
        }

        // A failure stops the run's other messages: the gateway is likely down.
        Assert.Equal([(SmsStatuses.Failed, 1, "HTTP 500")], failed);
        Assert.Contains((SmsStatuses.Failed, 1, "no answer within 1 s"), hung);
        foreach (var (caseId, key) in cases.Zip(keys))
        {
            Assert.Equal(SmsStatuses.Accepted, (await StatusAsync(caseId, CitizenSms.ReceivedKind)).Status);
            Assert.Single(Gateway.Delivered, k => k == key);
            var requests = Gateway.For(key).ToList();
            Assert.All(requests, r => Assert.True(r.SignatureValid));
            Assert.All(requests, r => Assert.Equal(key, r.Json.GetProperty("messageId").GetString()));
            Assert.Equal(requests.Count, await AttemptsAsync(caseId));
            Assert.Equal(requests.Count, requests.Select(r => r.Headers["X-Sms-Nonce"]).Distinct().Count());
        }
        var all = keys.SelectMany(Gateway.For).ToList();
        Assert.True(all.Count >= 4, $"{all.Count} requests");
        Assert.Contains(all, r => r.Repeat);
    }

    /// <summary>Status, attempts and reason (its first words) of the messages tried so far, first tried first.</summary>
    private async Task<List<(string Status, int Attempts, string? Reason)>> AttemptedAsync(long[] cases) => await app.QueryAsync("""
        SELECT s.status, s.attempts, split_part(s.reason, ':', 1) FROM sms_messages s WHERE s.case_id = ANY($1) ORDER BY s.notification_id
        """, r => (r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : (string?)r.GetString(2).Trim()), cases);

    [Fact]
    public async Task Deliver_OverThePerNumberLimit_IsSkippedWithTheReasonAndNeverRetried()
    {
        var phone = SmsApp.NewPhone();
        var cases = new List<long>();
        for (var i = 0; i < SmsApp.PerNumberPerDay + 1; i++)
            cases.Add(await app.OpenCaseWithPhoneAsync(phone));

        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.DeliverAsync();

        var statuses = new List<(string Status, int Attempts, string? Reason, string? GatewayId, string? Masked)>();
        foreach (var caseId in cases)
            statuses.Add(await StatusAsync(caseId, CitizenSms.ReceivedKind));
        Assert.Equal(SmsApp.PerNumberPerDay, statuses.Count(s => s.Status == SmsStatuses.Accepted));
        var skipped = Assert.Single(statuses, s => s.Status == SmsStatuses.Skipped);
        Assert.Equal((1, $"超过每个号码每日 {SmsApp.PerNumberPerDay} 条的限制"), (skipped.Attempts, skipped.Reason));
        Assert.Equal(SmsApp.PerNumberPerDay, Gateway.Requests.Count(r => r.Json.GetProperty("to").GetString() == phone));
        Assert.Equal(1, await AttemptsAsync(cases[^1]));
    }

    [Fact]
    public async Task Act_ReplyThenFollowUp_QueuesTheReplyTextAndErasesTheNumberSoItIsSkipped()
    {
        var phone = SmsApp.NewPhone();
        var caseId = await app.OpenCaseWithPhoneAsync(phone);
        await app.DeliverAsync();
        await app.Admin.ActOkAsync(caseId, "start");
        await app.Admin.ActOkAsync(caseId, "rectify", "已整改");
        var keptAfterReply = await CipherKeptAsync(caseId);
        await app.Admin.ActOkAsync(caseId, "follow_up", satisfaction: 4);

        await app.DeliverAsync();

        Assert.True(keptAfterReply);
        Assert.False(await CipherKeptAsync(caseId));
        var reply = await StatusAsync(caseId, CitizenSms.RepliedKind);
        Assert.Equal((SmsStatuses.Skipped, "号码已删除（工单已结束或超过保存期限）"), (reply.Status, reply.Reason));
        Assert.Empty(Gateway.For(await KeyAsync(caseId, CitizenSms.RepliedKind)));
    }

    [Fact]
    public async Task Act_Reply_TextsTheTrackingLinkThatAsksTheFollowUp()
    {
        var caseId = await app.OpenCaseWithPhoneAsync(SmsApp.NewPhone());
        await app.Admin.ActOkAsync(caseId, "start");
        await app.Admin.ActOkAsync(caseId, "rectify", "窗口已整改，详见 http://evil.example 请回电");

        await app.DeliverAsync();

        var text = Assert.Single(Gateway.For(await KeyAsync(caseId, CitizenSms.RepliedKind))).Json.GetProperty("text").GetString()!;
        Assert.Matches(@"^\S+已答复您的评价（查询编号\d{5} \d{5}），请查看答复并对整改结果评价：http://\S+/t/[A-Za-z0-9_-]{43}$", text);
        Assert.DoesNotContain("evil", text);
    }

    [Fact]
    public async Task Sweep_AfterKeepPhoneDays_ErasesTheNumberOfAnOpenCase()
    {
        var caseId = await app.OpenCaseWithPhoneAsync(SmsApp.NewPhone());
        await app.DeliverAsync();
        var sweeper = app.Services.GetRequiredService<Feedback.Web.Qr.QrDeviceSweeper>();
        app.Clock.Advance(TimeSpan.FromDays(SmsApp.KeepPhoneDays) - TimeSpan.FromHours(1));
        await sweeper.SweepAsync(TestContext.Current.CancellationToken);
        var keptBefore = await CipherKeptAsync(caseId);
        app.Clock.Advance(TimeSpan.FromHours(2));

        await sweeper.SweepAsync(TestContext.Current.CancellationToken);

        Assert.True(keptBefore);
        Assert.False(await CipherKeptAsync(caseId));
    }

    [Fact]
    public void Plain_DepartmentNameWithLinkAndLineBreak_KeepsOnlyWords()
    {
        Assert.Equal("市税务局httpsevilexamplex办税服务厅", CitizenSms.Plain("市税务局 https://evil.example/x\n办税服务厅"));
        Assert.Equal("部门", CitizenSms.Plain("://\r\n"));
        Assert.Equal(30, CitizenSms.Plain(new string('局', 80)).Length);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Leaves the gateway up, nothing owed, and no full number in any log line of the test.</summary>
    public async ValueTask DisposeAsync()
    {
        Gateway.Mood = GatewayMood.Up;
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.DeliverAsync();
        foreach (var to in Gateway.Requests.Select(r => r.Json.GetProperty("to").GetString()!).Distinct())
            Assert.DoesNotContain(app.Logs, line => line.Contains(to, StringComparison.Ordinal));
    }

    private async Task<string> KeyAsync(long caseId, string kind) => SmsGateway.IdempotencyKey((await app.QueryAsync(
        "SELECT id FROM notifications WHERE case_id = $1 AND kind = $2", r => r.GetInt64(0), caseId, kind)).Single());

    private async Task<int> AttemptsAsync(long caseId) => (await app.QueryAsync(
        "SELECT attempts FROM notifications WHERE case_id = $1 AND kind = $2 AND delivered_at IS NOT NULL", r => r.GetInt32(0), caseId, CitizenSms.ReceivedKind)).Single();

    private async Task<bool> CipherKeptAsync(long caseId) =>
        (await app.QueryAsync("SELECT contact_phone_cipher IS NOT NULL FROM cases WHERE id = $1", r => r.GetBoolean(0), caseId)).Single();

    private async Task<(string Status, int Attempts, string? Reason, string? GatewayId, string? Masked)> StatusAsync(long caseId, string kind) => (await app.QueryAsync("""
        SELECT s.status, s.attempts, s.reason, s.gateway_message_id, s.phone_masked FROM sms_messages s JOIN notifications n ON n.id = s.notification_id
        WHERE n.case_id = $1 AND n.kind = $2
        """, r => (r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)), caseId, kind)).Single();
}
