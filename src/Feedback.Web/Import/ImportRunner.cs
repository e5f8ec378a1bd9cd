using System.Threading.Channels;
using Feedback.Web.Evaluations;
using Npgsql;

namespace Feedback.Web.Import;

public sealed record ImportSummary(int Created, int Duplicates, int Invalid, TimeSpan Elapsed);

/// <summary>
/// Imports a file with the API's validation. Parsing and validation run on one thread while two
/// connections insert earlier chunks, each chunk in its own transaction: a crash loses at most the
/// chunks in flight, and running the import again skips what is stored (caseNumber + assessNumber).
/// </summary>
public sealed class ImportRunner(EvaluationIntake intake, NpgsqlDataSource dataSource)
{
    public const int ChunkSize = 5000;
    private const int WriterCount = 2;

    public async Task<ImportSummary> RunAsync(string path, Action<ImportRow> reportInvalid, Action<long, long>? progress, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Writers report rows the database rejected while the reader reports invalid ones: one at a time.
        var gate = new Lock();
        void Report(ImportRow row)
        {
            lock (gate) reportInvalid(row);
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = new StreamReader(stream);
        // A writer that fails stops the reader too; otherwise it would wait forever for room in the channel.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<Chunk>(WriterCount);
        var writers = Enumerable.Range(0, WriterCount).Select(_ => WriteChunksAsync(chunks.Reader, Report, failed)).ToArray();
        var (invalid, rows) = (0, 0L);
        try
        {
            var chunk = new Chunk();
            var receivedAt = intake.Now;
            foreach (var row in EvaluationFileReader.Read(path, text))
            {
                rows++;
                var (evaluation, errors) = row.Errors is null ? await intake.ValidateAsync(row.Request!, receivedAt, ct) : (null, row.Errors);
                if (evaluation is null)
                {
                    invalid++;
                    Report(row with { Errors = errors });
                    continue;
                }
                chunk.Add(row.LineNumber, evaluation);
                if (chunk.Rows.Count == ChunkSize)
                {
                    await chunks.Writer.WriteAsync(chunk, failed.Token);
                    chunk = new Chunk();
                    progress?.Invoke(stream.Position, rows);
                }
            }
            if (chunk.Rows.Count > 0)
            {
                await chunks.Writer.WriteAsync(chunk, failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A writer failed: its exception is rethrown below.
        }
        finally
        {
            chunks.Writer.TryComplete();
        }
        var counts = await Task.WhenAll(writers);
        progress?.Invoke(stream.Length, rows);
        return new ImportSummary(counts.Sum(c => c.Created), counts.Sum(c => c.Duplicates), invalid + counts.Sum(c => c.Rejected), clock.Elapsed);
    }

    private async Task<(int Created, int Duplicates, int Rejected)> WriteChunksAsync(
        ChannelReader<Chunk> chunks, Action<ImportRow> reportInvalid, CancellationTokenSource failed)
    {
        var (created, duplicates, rejected) = (0, 0, 0);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(failed.Token);
            await foreach (var chunk in chunks.ReadAllAsync(failed.Token))
            {
                var outcomes = await EvaluationStore.InsertAsync(connection, chunk.Rows, failed.Token);
                for (var i = 0; i < outcomes.Length; i++)
                {
                    switch (outcomes[i].Status)
                    {
                        case StoreStatus.Created: created++; break;
                        case StoreStatus.Duplicate: duplicates++; break;
                        default:
                            rejected++;
                            reportInvalid(new ImportRow(chunk.Lines[i], null, EvaluationsApi.Rejected(outcomes[i])));
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
        return (created, duplicates, rejected);
    }

    private sealed class Chunk
    {
        public List<Evaluation> Rows { get; } = new(ChunkSize);
        public List<int> Lines { get; } = new(ChunkSize);

        public void Add(int line, Evaluation row)
        {
            Lines.Add(line);
            Rows.Add(row);
        }
    }
}
