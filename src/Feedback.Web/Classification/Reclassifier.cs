using System.Text;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

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
        command.CommandText = $"SELECT {EvaluationColumns.All} FROM evaluations WHERE {after} AND {where} ORDER BY id LIMIT {options.Value.ReclassifyBatchSize}";
        var batch = new List<Evaluation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            batch.Add(EvaluationReader.Read(reader));
        return batch;
    }

    private const string UpdateSql = """
        UPDATE evaluations e
        SET theme = t.theme, theme_confidence = t.theme_confidence, theme_second = t.theme_second,
            theme_second_score = t.theme_second_score, theme_third = t.theme_third, theme_third_score = t.theme_third_score,
            model_version = t.model_version, needs_review = t.needs_review, theme_signal = t.theme_signal,
            polarity = t.polarity, polarity_confidence = t.polarity_confidence, polarity_model_version = t.polarity_model_version
        FROM unnest($1::bigint[], $2::text[], $3::real[], $4::text[], $5::real[], $6::text[], $7::real[], $8::text[],
                    $9::boolean[], $10::text[], $11::text[], $12::real[], $13::text[])
             AS t(id, theme, theme_confidence, theme_second, theme_second_score, theme_third, theme_third_score,
                  model_version, needs_review, theme_signal, polarity, polarity_confidence, polarity_model_version)
        WHERE e.id = t.id
        """;

    private async Task WriteAsync(List<Evaluation> batch, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(UpdateSql);
        var p = command.Parameters;
        p.Add(new() { Value = batch.Select(e => e.Id).ToArray() });
        Add(p, batch.Select(e => e.Theme), NpgsqlDbType.Text);
        Add(p, batch.Select(e => e.ThemeConfidence), NpgsqlDbType.Real);
        Add(p, batch.Select(e => e.ThemeSecond), NpgsqlDbType.Text);
        Add(p, batch.Select(e => e.ThemeSecondScore), NpgsqlDbType.Real);
        Add(p, batch.Select(e => e.ThemeThird), NpgsqlDbType.Text);
        Add(p, batch.Select(e => e.ThemeThirdScore), NpgsqlDbType.Real);
        Add(p, batch.Select(e => e.ModelVersion), NpgsqlDbType.Text);
        p.Add(new() { Value = batch.Select(e => e.NeedsReview).ToArray() });
        Add(p, batch.Select(e => e.ThemeSignal), NpgsqlDbType.Text);
        Add(p, batch.Select(e => e.Polarity), NpgsqlDbType.Text);
        Add(p, batch.Select(e => e.PolarityConfidence), NpgsqlDbType.Real);
        Add(p, batch.Select(e => e.PolarityModelVersion), NpgsqlDbType.Text);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add<T>(NpgsqlParameterCollection parameters, IEnumerable<T> values, NpgsqlDbType type) =>
        parameters.Add(new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type });
}
