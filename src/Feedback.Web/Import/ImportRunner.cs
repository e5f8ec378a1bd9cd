using System.Threading.Channels;
using Feedback.Web.Evaluations;
using Npgsql;

namespace Feedback.Web.Import;

public sealed record ImportSummary(int Created, int Duplicates, int Invalid, TimeSpan Elapsed);

/// <summary>
/// Imports a file with the API's validation. One thread parses the file into chunks; two workers each validate
/// and classify a chunk, then insert its valid rows in one transaction on their own connection, so validation of
/// one chunk overlaps the database work of the other. Chunks commit without waiting for the WAL flush (an fsync per
/// 5,000 rows kept a worker idle for about a tenth of the run); one synchronous commit at the end flushes them all
/// before the summary is returned, so the counts it reports are durable. A crash loses at most the chunks not yet
/// flushed, which the import never reported, and running it again skips what is stored (caseNumber + assessNumber).
/// </summary>
public sealed class ImportRunner(EvaluationIntake intake, NpgsqlDataSource dataSource, EvaluationStore store, EvaluationBulkCopy bulkCopy)
{
    public const int ChunkSize = 5000;
    private const int WorkerCount = 2;

    public async Task<ImportSummary> RunAsync(string path, Action<ImportRow> reportInvalid, Action<long, long>? progress, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Workers and the parser both report bad rows: one at a time.
        var gate = new Lock();
        void Report(ImportRow row)
        {
            lock (gate) reportInvalid(row);
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = new StreamReader(stream);
        // A worker that fails stops the parser too; otherwise it would wait forever for room in the channel.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<List<ImportRow>>(WorkerCount);
        var receivedAt = intake.Now;
        var workers = Enumerable.Range(0, WorkerCount).Select(_ => Task.Run(() => WorkAsync(chunks.Reader, receivedAt, Report, failed), ct)).ToArray();
        var rows = 0L;
        try
        {
            var chunk = new List<ImportRow>(ChunkSize);
            foreach (var row in EvaluationFileReader.Read(path, text))
            {
                rows++;
                chunk.Add(row);
                if (chunk.Count == ChunkSize)
                {
                    await chunks.Writer.WriteAsync(chunk, failed.Token);
                    chunk = new List<ImportRow>(ChunkSize);
                    progress?.Invoke(stream.Position, rows);
                }
            }
            if (chunk.Count > 0)
            {
                await chunks.Writer.WriteAsync(chunk, failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A worker failed: its exception is rethrown below.
        }
        finally
        {
            chunks.Writer.TryComplete();
        }
        var counts = await Task.WhenAll(workers);
        await FlushAsync(ct);
        progress?.Invoke(stream.Length, rows);
        return new ImportSummary(counts.Sum(c => c.Created), counts.Sum(c => c.Duplicates), counts.Sum(c => c.Invalid), clock.Elapsed);
    }

    private async Task<(int Created, int Duplicates, int Invalid)> WorkAsync(
        ChannelReader<List<ImportRow>> chunks, DateTimeOffset receivedAt, Action<ImportRow> report, CancellationTokenSource failed)
    {
        var (created, duplicates, invalid) = (0, 0, 0);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(failed.Token);
            await using (var asynchronous = new NpgsqlCommand("SET synchronous_commit = off", connection))
            {
                await asynchronous.ExecuteNonQueryAsync(failed.Token);
            }
            await foreach (var chunk in chunks.ReadAllAsync(failed.Token))
            {
                var (valid, lines) = (new List<Evaluation>(chunk.Count), new List<int>(chunk.Count));
                foreach (var row in chunk)
                {
                    var (evaluation, errors) = row.Errors is null ? await intake.ValidateAsync(row.Request!, receivedAt, failed.Token) : (null, row.Errors);
                    if (evaluation is null)
                    {
                        invalid++;
                        report(row with { Errors = errors });
                        continue;
                    }
                    valid.Add(evaluation);
                    lines.Add(row.LineNumber);
                }
                if (valid.Count == 0)
                {
                    continue;
                }
                var outcomes = await bulkCopy.TryCopyAsync(connection, valid, failed.Token)
                    ?? await store.InsertAsync(connection, valid, failed.Token);
                for (var i = 0; i < outcomes.Length; i++)
                {
                    switch (outcomes[i].Status)
                    {
                        case StoreStatus.Created: created++; break;
                        case StoreStatus.Duplicate: duplicates++; break;
                        default:
                            invalid++;
                            report(new ImportRow(lines[i], null, EvaluationsApi.Rejected(outcomes[i])));
                            break;
                    }
                }
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        return (created, duplicates, invalid);
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
