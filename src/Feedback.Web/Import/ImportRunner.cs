using System.Threading.Channels;
using Feedback.Web.Evaluations;
using Npgsql;

namespace Feedback.Web.Import;

public sealed record ImportSummary(int Created, int Duplicates, int Invalid, TimeSpan Elapsed);

/// <summary>
/// Imports a file with the API's validation. One thread reads, validates and classifies the rows, and encodes the
/// valid ones for COPY into a chunk (<see cref="EvaluationCopyBatch"/>); two workers each store a chunk in one
/// transaction on their own connection, so the reading overlaps the database work. The five chunks are reused for
/// the whole file. Chunks commit without waiting for the WAL flush (an
/// fsync per 5,000 rows kept a worker idle for about a tenth of the run); one synchronous commit at the end flushes
/// them all before the summary is returned, so the counts it reports are durable. A crash loses at most the chunks
/// not yet flushed, which the import never reported, and running it again skips what is stored (caseNumber + assessNumber).
/// </summary>
public sealed class ImportRunner(EvaluationIntake intake, NpgsqlDataSource dataSource, EvaluationBulkCopy bulkCopy)
{
    public const int ChunkSize = 5000;
    private const int WorkerCount = 2;

    public async Task<ImportSummary> RunAsync(string path, Action<ImportRow> reportInvalid, Action<long, long>? progress, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Workers and the reader both report bad rows: one at a time.
        var gate = new Lock();
        void Report(ImportRow row)
        {
            lock (gate) reportInvalid(row);
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = ImportText.Open(stream);
        // A worker that fails stops the reader too; otherwise it would wait forever for room in the channel.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // One chunk being filled and, per worker, one waiting and one being stored: the reader takes an empty one
        // from `empty`, and a worker gives it back once stored.
        var batches = Enumerable.Range(0, 2 * WorkerCount + 1).Select(_ => new EvaluationCopyBatch()).ToArray();
        var empty = Channel.CreateUnbounded<EvaluationCopyBatch>();
        Array.ForEach(batches, b => empty.Writer.TryWrite(b));
        var full = Channel.CreateBounded<EvaluationCopyBatch>(WorkerCount);
        var receivedAt = intake.Now;
        var workers = Enumerable.Range(0, WorkerCount).Select(_ => Task.Run(() => WorkAsync(full.Reader, empty.Writer, Report, failed), ct)).ToArray();
        var (rows, invalid) = (0L, 0);
        try
        {
            try
            {
                var chunk = await empty.Reader.ReadAsync(failed.Token);
                foreach (var row in EvaluationFileReader.Read(path, text))
                {
                    rows++;
                    var (evaluation, errors) = row.Errors is null ? await intake.ValidateAsync(row.Request!, receivedAt, failed.Token) : (null, row.Errors);
                    if (evaluation is null)
                    {
                        invalid++;
                        Report(row with { Errors = errors });
                        continue;
                    }
                    chunk.Add(evaluation, row.LineNumber);
                    if (chunk.Count == ChunkSize)
                    {
                        await full.Writer.WriteAsync(chunk, failed.Token);
                        chunk = await empty.Reader.ReadAsync(failed.Token);
                        progress?.Invoke(stream.Position, rows);
                    }
                }
                if (chunk.Count > 0)
                {
                    await full.Writer.WriteAsync(chunk, failed.Token);
                }
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // A worker failed: its exception is rethrown below.
            }
            finally
            {
                full.Writer.TryComplete();
            }
            var counts = await Task.WhenAll(workers);
            await FlushAsync(ct);
            progress?.Invoke(stream.Length, rows);
            return new ImportSummary(counts.Sum(c => c.Created), counts.Sum(c => c.Duplicates), invalid + counts.Sum(c => c.Rejected), clock.Elapsed);
        }
        finally
        {
            // When the file cannot be read to its end, the workers still store the chunks queued: their buffers go
            // back to the pool only after that.
            await ((Task)Task.WhenAll(workers)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Array.ForEach(batches, b => b.Dispose());
        }
    }

    private async Task<(int Created, int Duplicates, int Rejected)> WorkAsync(
        ChannelReader<EvaluationCopyBatch> full, ChannelWriter<EvaluationCopyBatch> empty, Action<ImportRow> report, CancellationTokenSource failed)
    {
        var (created, duplicates, rejected) = (0, 0, 0);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(failed.Token);
            await using (var asynchronous = new NpgsqlCommand("SET synchronous_commit = off", connection))
            {
                await asynchronous.ExecuteNonQueryAsync(failed.Token);
            }
            await foreach (var chunk in full.ReadAllAsync(failed.Token))
            {
                var outcome = await bulkCopy.StoreAsync(connection, chunk, failed.Token);
                created += outcome.Created;
                duplicates += outcome.Duplicates;
                rejected += outcome.Rejected.Count;
                foreach (var (row, error) in outcome.Rejected)
                {
                    report(new ImportRow(chunk.Tag(row), null, StoreOutcome.Refusal(error)));
                }
                chunk.Clear();
                empty.TryWrite(chunk);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        return (created, duplicates, rejected);
    }

    /// <summary>
    /// A synchronous commit flushes the WAL up to its own commit record, which follows every chunk's: taking a
    /// transaction id makes this one write that record.
    /// </summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_current_xact_id()", connection, transaction))
        {
            await command.ExecuteScalarAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
