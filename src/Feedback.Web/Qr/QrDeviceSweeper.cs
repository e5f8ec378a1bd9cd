using Feedback.Web.Sms;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Qr;

/// <summary>
/// Deletes device claims older than the device window once an hour: past it they refuse nothing, and without the
/// sweep the table would keep one row per phone and poster for ever. The same hourly sweep erases the citizens' full
/// phone numbers kept past Sms:KeepPhoneDays (<see cref="ContactPhones.EraseExpiredAsync"/>) and forgets old sign-in
/// failure pairs (<see cref="Accounts.SignInLockout.ForgetOldAsync"/>). Every process may sweep; every statement is
/// idempotent.
/// </summary>
internal sealed class QrDeviceSweeper(NpgsqlDataSource dataSource, IOptions<QrOptions> options, ContactPhones phones, TimeProvider time, ILogger<QrDeviceSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <returns>The device claims deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand("DELETE FROM qr_devices WHERE rated_at < $1");
        command.Parameters.Add(new() { Value = now - options.Value.DeviceWindow });
        var deleted = await command.ExecuteNonQueryAsync(ct);
        await phones.EraseExpiredAsync(ct);
        await Accounts.SignInLockout.ForgetOldAsync(dataSource, now, ct);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning(ex, "Could not delete old QR device claims; trying again in {Interval}", Interval);
            }
        }
    }
}
