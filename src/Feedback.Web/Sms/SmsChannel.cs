using Feedback.Web.Data;
using Feedback.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Sms;

/// <summary>
/// Delivers the citizen's text messages (target "sms") through <see cref="SmsGateway"/>, when
/// <see cref="SmsOptions.GatewayUrl"/> is set. The number is decrypted here, at send time, from the case; a case whose
/// number is erased, or a number or service over its daily limit, gets the message skipped with the reason: done,
/// not retried. A gateway failure is retried by the outbox with its back-off, and stops the run's other messages
/// (the gateway is likely down). Each message's status is kept in sms_messages, in the outbox's transaction.
/// </summary>
internal sealed class SmsChannel(SmsGateway gateway, ContactPhones phones, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsChannel> logger)
    : INotificationChannel
{
    public string Name => CitizenSms.Target;

    public bool Enabled => options.Value.Enabled;

    public async Task<ChannelResult> SendAsync(OutboxBatch outbox, IReadOnlyList<Notification> messages, CancellationToken ct)
    {
        var db = outbox.Db;
        var results = new List<DeliveryResult>();
        var down = false;
        foreach (var message in messages)
        {
            var record = await db.SmsMessages.FindAsync([message.Id], ct);
            if (record is null)
            {
                record = new SmsMessage { NotificationId = message.Id, CaseId = message.CaseId ?? 0, Status = SmsStatuses.Failed };
                db.SmsMessages.Add(record);
            }
            var error = await SendAsync(db, message, record, ct);
            results.Add(new(message, error));
            // Each message's status is saved before the next is counted against the limits.
            await db.SaveChangesAsync(ct);
            if (error is not null)
            {
                down = true;
                break;
            }
        }
        return new(results, down);
    }

    /// <returns>Null when the message is done (accepted or skipped), else the gateway's failure, to retry.</returns>
    private async Task<string?> SendAsync(FeedbackDbContext db, Notification message, SmsMessage record, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        (record.Attempts, record.UpdatedAt) = (record.Attempts + 1, now);
        var contact = await (from c in db.Cases
                             join e in db.Evaluations on c.EvaluationId equals e.Id
                             where c.Id == message.CaseId
                             select new { c.ContactPhoneCipher, e.RaterPhoneHash, e.RaterPhoneMasked }).AsNoTracking().FirstOrDefaultAsync(ct);
        (record.PhoneHash, record.PhoneMasked) = (contact?.RaterPhoneHash, contact?.RaterPhoneMasked);
        var skipped = contact?.ContactPhoneCipher is null ? "号码已删除（工单已结束或超过保存期限）"
            : await OverLimitAsync(db, contact.RaterPhoneHash, now, ct);
        if (skipped is not null)
        {
            (record.Status, record.Reason) = (SmsStatuses.Skipped, skipped);
            logger.LogInformation("SMS {Id} of case {Case} to {Phone} skipped: {Reason}", message.Id, message.CaseId, record.PhoneMasked, skipped);
            return null;
        }
        var answer = await gateway.SendAsync(message.Id, phones.Unprotect(contact!.ContactPhoneCipher!), message.Body, ct);
        record.Status = answer.Accepted ? SmsStatuses.Accepted : SmsStatuses.Failed;
        (record.Reason, record.GatewayMessageId, record.AcceptedAt) = (answer.Error, answer.MessageId, answer.Accepted ? now : null);
        if (answer.Accepted)
            logger.LogInformation("SMS {Id} of case {Case} to {Phone} accepted by the gateway", message.Id, message.CaseId, record.PhoneMasked);
        return answer.Error;
    }

    /// <summary>The reason when the number, or the whole service, has had its messages of the last 24 hours.</summary>
    private async Task<string?> OverLimitAsync(FeedbackDbContext db, byte[]? phoneHash, DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var since = now - TimeSpan.FromDays(1);
        if (phoneHash is not null && await db.SmsMessages.CountAsync(m => m.PhoneHash == phoneHash && m.AcceptedAt > since, ct) >= settings.PerNumberPerDay)
            return $"超过每个号码每日 {settings.PerNumberPerDay} 条的限制";
        if (await db.SmsMessages.CountAsync(m => m.AcceptedAt > since, ct) >= settings.PerDay)
            return $"超过每日共 {settings.PerDay} 条的限制";
        return null;
    }
}
