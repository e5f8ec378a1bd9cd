using System.Text;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Classification;

/// <summary>
/// Re-scores stored ratings with the loaded models: theme, polarity and the signal. Only rows whose stored model
/// versions differ from the loaded ones are touched, in batches by ascending id (keyset), each committed on its own;
/// so a run stopped halfway resumes where it stopped when started again, and a second run finds nothing to do.
/// </summary>
internal sealed class Reclassifier(NpgsqlDataSource dataSource, ThemeTagger tagger, IOptions<ClassificationOptions> options)
{
    /// <summary>Ratings a run would re-score: comments from <paramref name="since"/> (all when null) scored by other models.</summary>
    public async Task<long> CountAsync(DateTimeOffset? since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        if (Stale(command, since) is not { } where)
            return 0;
        command.CommandText = $"SELECT count(*) FROM evaluations WHERE {where}";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <returns>How many ratings were re-scored.</returns>
    public async Task<long> RunAsync(DateTimeOffset? since, Action<long>? progress, CancellationToken ct)
    {
        var (lastId, updated) = (0L, 0L);
        while (await ReadBatchAsync(lastId, since, ct) is { Count: > 0 } batch)
        {
            foreach (var evaluation in batch)
                tagger.Tag(evaluation);
            await WriteAsync(batch, ct);
            (lastId, updated) = (batch[^1].Id, updated + batch.Count);
            progress?.Invoke(updated);
        }
        return updated;
    }

    /// <summary>The condition of a stale row, with its parameters added; null when no model is loaded to compare with.</summary>
    private string? Stale(NpgsqlCommand command, DateTimeOffset? since)
    {
        var versions = new List<string>();
        if (tagger.ModelVersion is { } theme)
            versions.Add(Parameter(command, "model_version IS DISTINCT FROM @", theme));
        if (tagger.PolarityModelVersion is { } polarity)
            versions.Add(Parameter(command, "polarity_model_version IS DISTINCT FROM @", polarity));
        if (versions.Count == 0)
            return null;
        var where = new StringBuilder($"comment IS NOT NULL AND ({string.Join(" OR ", versions)})");
        if (since is { } from)
            where.Append(" AND ").Append(Parameter(command, "evaluated_at >= @", from.UtcDateTime));
        return where.ToString();
    }

    private static string Parameter(NpgsqlCommand command, string condition, object value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return condition.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal);
    }

    private async Task<List<Evaluation>> ReadBatchAsync(long afterId, DateTimeOffset? since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        if (Stale(command, since) is not { } where)
            return [];
        var after = Parameter(command, "id > @", afterId);
        command.CommandText = $"SELECT {EvaluationMap.Map.SelectList} FROM evaluations WHERE {after} AND {where} ORDER BY id LIMIT {options.Value.ReclassifyBatchSize}";
        var batch = new List<Evaluation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            batch.Add(EvaluationMap.Map.Read(reader));
        return batch;
    }

    // What a classification sets: the rest of the row stays as it is.
    private static readonly string[] Classified =
    [
        "theme", "theme_confidence", "theme_second", "theme_second_score", "theme_third", "theme_third_score", "model_version",
        "needs_review", "theme_signal", "polarity", "polarity_confidence", "polarity_model_version",
    ];

    private static readonly string UpdateSql = EvaluationMap.Map.UpdateFromUnnest("id", Classified);

    private async Task WriteAsync(List<Evaluation> batch, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(UpdateSql);
        EvaluationMap.Map.AddParameters(command.Parameters, batch, "id", Classified);
        await command.ExecuteNonQueryAsync(ct);
    }
}
