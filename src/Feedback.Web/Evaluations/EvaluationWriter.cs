using System.Threading.Channels;
using Feedback.Web.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Evaluations;

/// <summary>
/// Group commit: concurrent requests queue their rating here, and a few writer loops each take whatever
/// has queued, insert it in one statement and commit once. A caller is answered only after its commit,
/// so every acknowledged rating is durable, yet the cost of a commit (a WAL flush) is shared.
/// </summary>
public sealed class EvaluationWriter(NpgsqlDataSource dataSource, EvaluationStore store, IOptions<IngestOptions> options, ILogger<EvaluationWriter> logger)
    : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleWriter = false, SingleReader = false });

    public async Task<StoreOutcome> WriteAsync(Evaluation evaluation, CancellationToken ct)
    {
        var pending = new Pending(evaluation);
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Completion.Task.WaitAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Writers).Select(_ => Task.Run(() => WriteLoopAsync(stoppingToken), stoppingToken)));

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        var batch = new List<Pending>(options.Value.MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < options.Value.MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                if (batch.Count > 0)
                {
                    // A batch already taken is committed even during shutdown: its callers are waiting for the answer.
                    await CommitAsync(batch);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never committed, so its callers hear so.
            while (_queue.Reader.TryRead(out var item))
            {
                item.Completion.TrySetCanceled(ct);
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var outcomes = await store.InsertAsync(connection, batch.ConvertAll(p => p.Evaluation), CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception ex)
        {
            if (DatabaseFaults.IsUnreachable(ex))
                logger.LogWarning("Could not commit a batch of {Count} ratings, the database is unreachable: {Error}", batch.Count, ex.Message);
            else
                logger.LogError(ex, "Could not commit a batch of {Count} ratings", batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(new StoreUnavailableException(ex));
            }
        }
    }

    private sealed record Pending(Evaluation Evaluation)
    {
        public TaskCompletionSource<StoreOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// The commit failed: the rating may or may not be stored (a connection cut during COMMIT leaves it unknown). The caller
/// may retry; the same caseNumber+assessNumber is stored once.
/// </summary>
public sealed class StoreUnavailableException(Exception inner) : Exception("The database did not confirm the commit of the rating.", inner);
