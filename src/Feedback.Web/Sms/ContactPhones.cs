using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Sms;

/// <summary>
/// The citizen's full phone number, kept only to send the case's text messages: encrypted with ASP.NET Data Protection
/// (the key ring is the application's, not this column's database row), shown to nobody, decrypted only by
/// <see cref="SmsChannel"/> at send time, and erased when the case closes or after <see cref="SmsOptions.KeepPhoneDays"/>.
/// </summary>
public sealed class ContactPhones(IDataProtectionProvider protection, IOptions<SmsOptions> options, NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The purpose string: a cipher made for anything else does not open here, nor this one elsewhere.</summary>
    public const string Purpose = "Feedback.ContactPhone";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>The cipher to keep on a new case, or null when SMS is off (a number nobody will text is not kept).</summary>
    public byte[]? Protect(string? normalized) =>
        normalized is null || !options.Value.Enabled ? null : _protector.Protect(System.Text.Encoding.ASCII.GetBytes(normalized));

    public string Unprotect(byte[] cipher) => System.Text.Encoding.ASCII.GetString(_protector.Unprotect(cipher));

    /// <summary>
    /// Erases the numbers of cases that are no longer active (one that closed while a message was queued, or the
    /// import's) and of cases opened more than <see cref="SmsOptions.KeepPhoneDays"/> ago. Run by the hourly sweep.
    /// </summary>
    public async Task<int> EraseExpiredAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE cases SET contact_phone_cipher = NULL
            WHERE contact_phone_cipher IS NOT NULL AND (opened_at < $1 OR NOT (state = ANY($2)))
            """);
        command.Parameters.Add(new() { Value = time.GetUtcNow() - TimeSpan.FromDays(options.Value.KeepPhoneDays) });
        command.Parameters.Add(new() { Value = Cases.CaseStates.Active });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
