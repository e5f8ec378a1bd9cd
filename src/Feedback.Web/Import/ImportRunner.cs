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
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = new StreamReader(stream);
        var chunks = Channel.CreateBounded<List<Evaluation>>(WriterCount);
        var writers = Enumerable.Range(0, WriterCount).Select(_ => WriteChunksAsync(chunks.Reader, ct)).ToArray();
        var invalid = 0;
        var rows = 0L;
        try
        {
            var chunk = new List<Evaluation>(ChunkSize);
            var receivedAt = intake.Now;
            foreach (var row in EvaluationFileReader.Read(path, text))
            {
                rows++;
                var (evaluation, errors) = row.Errors is null ? await intake.ValidateAsync(row.Request!, receivedAt, ct) : (null, row.Errors);
                if (evaluation is null)
                {
                    invalid++;
                    reportInvalid(row with { Errors = errors });
                    continue;
                }
                chunk.Add(evaluation);
                if (chunk.Count == ChunkSize)
                {
                    await chunks.Writer.WriteAsync(chunk, ct);
                    chunk = new List<Evaluation>(ChunkSize);
                    progress?.Invoke(stream.Position, rows);
                }
            }
            if (chunk.Count > 0)
            {
                await chunks.Writer.WriteAsync(chunk, ct);
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
        }
        var counts = await Task.WhenAll(writers);
        progress?.Invoke(stream.Length, rows);
        return new ImportSummary(counts.Sum(c => c.Created), counts.Sum(c => c.Duplicates), invalid, clock.Elapsed);
    }

    private async Task<(int Created, int Duplicates)> WriteChunksAsync(ChannelReader<List<Evaluation>> chunks, CancellationToken ct)
    {
        var (created, duplicates) = (0, 0);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await foreach (var chunk in chunks.ReadAllAsync(ct))
        {
            var outcomes = await EvaluationStore.InsertAsync(connection, chunk, ct);
            var made = outcomes.Count(o => o.Status == StoreStatus.Created);
            created += made;
            duplicates += outcomes.Length - made;
        }
        return (created, duplicates);
    }
}
