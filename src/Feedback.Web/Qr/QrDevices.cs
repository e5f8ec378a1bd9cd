using Npgsql;

namespace Feedback.Web.Qr;

/// <summary>When a device (its cookie) last rated a poster's place; kept in the database so every process sees it.</summary>
public sealed class QrDevice
{
    public Guid DeviceId { get; init; }
    /// <summary><see cref="QrLink.PosterPlace"/>: window and staff, whichever key signed the poster.</summary>
    public required string Place { get; init; }
    public DateTimeOffset RatedAt { get; set; }
    /// <summary>The rating the claim led to, once stored: a rescan within the window links to its tracking page.</summary>
    public long? EvaluationId { get; set; }
}

/// <summary>One rating per device and poster within the configured window, claimed atomically.</summary>
internal sealed class QrDevices(NpgsqlDataSource dataSource)
{
    public const string CookieName = "qr_device";

    /// <summary>True if this device may rate the place now (and the claim is recorded); false if it rated since <paramref name="since"/>.</summary>
    public async Task<bool> TryClaimAsync(Guid device, string place, DateTimeOffset now, DateTimeOffset since, CancellationToken ct)
    {
        // Committed without waiting for the WAL flush: a claim lost in a database crash only lets one phone rate twice,
        // while waiting would add a second flush to every rating (the rating itself is group-committed).
        await using var command = dataSource.CreateCommand("""
            WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
            INSERT INTO qr_devices (device_id, place, rated_at) SELECT $1, $2, $3 FROM async_commit
            ON CONFLICT (device_id, place) DO UPDATE SET rated_at = excluded.rated_at, evaluation_id = NULL WHERE qr_devices.rated_at <= $4
            RETURNING 1
            """);
        command.Parameters.Add(new() { Value = device });
        command.Parameters.Add(new() { Value = place });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = since });
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Links the claim to the rating it led to (same commit rule as the claim: losing it only loses the rescan notice).</summary>
    public async Task RememberAsync(Guid device, string place, DateTimeOffset claimedAt, long evaluationId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
            UPDATE qr_devices SET evaluation_id = $4 FROM async_commit WHERE device_id = $1 AND place = $2 AND rated_at = $3
            """);
        command.Parameters.Add(new() { Value = device });
        command.Parameters.Add(new() { Value = place });
        command.Parameters.Add(new() { Value = claimedAt });
        command.Parameters.Add(new() { Value = evaluationId });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rating this device made of the place since <paramref name="since"/>, if any (the rescan notice links to it).</summary>
    public async Task<long?> RecentRatingAsync(Guid device, string place, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT evaluation_id FROM qr_devices WHERE device_id = $1 AND place = $2 AND rated_at > $3 AND evaluation_id IS NOT NULL");
        command.Parameters.Add(new() { Value = device });
        command.Parameters.Add(new() { Value = place });
        command.Parameters.Add(new() { Value = since });
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    /// <summary>Gives a claim back when its rating could not be stored, so the citizen can try again.</summary>
    public async Task ReleaseAsync(Guid device, string place, DateTimeOffset claimedAt)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM qr_devices WHERE device_id = $1 AND place = $2 AND rated_at = $3");
        command.Parameters.Add(new() { Value = device });
        command.Parameters.Add(new() { Value = place });
        command.Parameters.Add(new() { Value = claimedAt });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
