using Feedback.Web.Sms;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Qr;

/// <summary>
/// Deletes device claims older than the device window once an hour: past it they refuse nothing, and without the
/// sweep the table would keep one row per phone and poster for ever. The same sweep erases the citizens' full phone
/// numbers kept past Sms:KeepPhoneDays (<see cref="ContactPhones.EraseExpiredAsync"/>). Every process may sweep; both
/// statements are idempotent.
/// </summary>
internal sealed class QrDeviceSweeper(NpgsqlDataSource dataSource, IOptions<QrOptions> options, ContactPhones phones, TimeProvider time, ILogger<QrDeviceSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <returns>The device claims deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM qr_devices WHERE rated_at < $1");
        command.Parameters.Add(new() { Value = time.GetUtcNow() - options.Value.DeviceWindow });
        var deleted = await command.ExecuteNonQueryAsync(ct);
        // The citizens' phone numbers past their keeping time go in the same hourly sweep.
        await phones.EraseExpiredAsync(ct);
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
