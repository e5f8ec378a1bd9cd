using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Feedback.Web.Evaluations;

/// <summary>Query string of GET /api/evaluations. Kept as text so that a bad value is reported by name.</summary>
public sealed record EvaluationFilter(
    string? From, string? To, string? DepartmentCode, string? WindowCode, string? StaffCode,
    string? Rating, string? BadOnly, string? Theme, string? NeedsReview, string? Signal, string? Limit, string? Cursor);

public static class EvaluationQueries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static async Task<Results<Ok<EvaluationPage>, ValidationProblem>> ListEvaluations(
        [AsParameters] EvaluationFilter filter, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        await using var command = dataSource.CreateCommand();
        var sql = Build(filter, command, errors, out var limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        command.CommandText = sql;
        var items = new List<EvaluationResponse>(limit);
        long lastId = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var evaluation = EvaluationReader.Read(reader);
            lastId = evaluation.Id;
            items.Add(evaluation.AsResponse());
        }
        var next = items.Count == limit ? lastId.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new EvaluationPage(items, next));
    }

    public static async Task<Results<Ok<EvaluationResponse>, NotFound>> GetEvaluation(long id, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {EvaluationColumns.All} FROM evaluations WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? TypedResults.Ok(EvaluationReader.Read(reader).AsResponse()) : TypedResults.NotFound();
    }

    private static string Build(EvaluationFilter f, NpgsqlCommand command, Dictionary<string, string[]> errors, out int limit)
    {
        var where = new StringBuilder("WHERE true");
        void Add(string condition, object value)
        {
            command.Parameters.Add(new() { Value = value });
            where.Append(" AND ").Append(condition.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }
        if (Parse<DateTimeOffset>(f.From, "from", errors) is { } from) Add("evaluated_at >= @", from.UtcDateTime);
        if (Parse<DateTimeOffset>(f.To, "to", errors) is { } to) Add("evaluated_at < @", to.UtcDateTime);
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode)) Add("department_code = @", f.DepartmentCode);
        if (!string.IsNullOrWhiteSpace(f.WindowCode)) Add("window_code = @", f.WindowCode);
        if (!string.IsNullOrWhiteSpace(f.StaffCode)) Add("staff_code = @", f.StaffCode);
        if (Parse<int>(f.Rating, "rating", errors) is { } rating)
        {
            if (rating is < 1 or > 5) errors["rating"] = ["Rating is 1 to 5."];
            Add("rating = @", (short)rating);
        }
        if (Parse<bool>(f.BadOnly, "badOnly", errors) == true) where.Append(" AND rating <= 2");
        if (!string.IsNullOrWhiteSpace(f.Theme)) Add("coalesce(corrected_theme, theme) = @", f.Theme);
        if (Parse<bool>(f.NeedsReview, "needsReview", errors) is { } review) Add("needs_review = @", review);
        if (!string.IsNullOrWhiteSpace(f.Signal)) Add("theme_signal = @", f.Signal);
        if (Parse<long>(f.Cursor, "cursor", errors) is { } cursor) Add("id < @", cursor);
        limit = Parse<int>(f.Limit, "limit", errors) ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"Limit is 1 to {MaxLimit}."];
        return $"SELECT {EvaluationColumns.All} FROM evaluations {where} ORDER BY id DESC LIMIT {limit}";
    }

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, IParsable<T>
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (T.TryParse(value, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        errors[field] = [$"'{value}' is not a valid {typeof(T).Name}."];
        return null;
    }
}
