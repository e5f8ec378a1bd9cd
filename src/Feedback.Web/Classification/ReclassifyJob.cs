using Hangfire;

namespace Feedback.Web.Classification;

/// <summary>
/// Re-scores stored ratings after a model changed (see <see cref="Reclassifier"/>): idempotent and resumable, so a
/// retry, a second queued run or a restart costs only the scan. One run at a time across all servers.
/// </summary>
internal sealed class ReclassifyJob(Reclassifier reclassifier, ThemeTagger tagger, ILogger<ReclassifyJob> logger)
{
    private const int ProgressEvery = 50_000;

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var logged = 0L;
        var updated = await reclassifier.RunAsync(null, done =>
        {
            if (done - logged < ProgressEvery)
                return;
            logged = done;
            logger.LogInformation("Reclassify: {Count} ratings re-scored so far", done);
        }, ct);
        logger.LogInformation("Reclassify: {Count} ratings re-scored with theme model {Theme} and polarity model {Polarity}",
            updated, tagger.ModelVersion, tagger.PolarityModelVersion);
    }
}
