using Hangfire;
using Npgsql;

namespace Feedback.Web.Classification;

/// <summary>
/// Where the job server runs: queues <see cref="ReclassifyJob"/> when a model file is replaced while the service runs,
/// and at start when the newest classified rating was scored by other models than the loaded ones (a model shipped
/// or swapped while the service was down). The check reads one row, so a start with nothing to do costs nothing.
/// </summary>
internal sealed class ReclassifySchedule(ThemeTagger tagger, IBackgroundJobClient jobs, NpgsqlDataSource dataSource, ILogger<ReclassifySchedule> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        tagger.ModelReloaded += Enqueue;
        try
        {
            if (tagger.IsAvailable && await NewestIsStaleAsync(cancellationToken))
            {
                logger.LogInformation("Stored ratings were scored by other models than the loaded ones: re-scoring them in the background");
                Enqueue();
            }
        }
        catch (NpgsqlException ex)
        {
            // The service still starts; the next model reload, or `reclassify`, re-scores.
            logger.LogWarning(ex, "Could not check whether stored ratings need re-scoring");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tagger.ModelReloaded -= Enqueue;
        return Task.CompletedTask;
    }

    private void Enqueue() => jobs.Enqueue<ReclassifyJob>(job => job.RunAsync(CancellationToken.None));

    private async Task<bool> NewestIsStaleAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT model_version, polarity_model_version FROM evaluations WHERE comment IS NOT NULL ORDER BY id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return false;
        var (theme, polarity) = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        return (tagger.ModelVersion is { } t && t != theme) || (tagger.PolarityModelVersion is { } p && p != polarity);
    }
}
