using System.Globalization;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Evaluations;

/// <summary>Query string of GET /api/evaluations. Kept as text so that a bad value is reported by name.</summary>
public sealed record EvaluationFilter(
    string? From, string? To, string? DepartmentCode, string? WindowCode, string? StaffCode,
    string? Rating, string? BadOnly, string? Theme, string? NeedsReview, string? Signal, string? Limit, string? Cursor);

/// <summary>The read API: not a hot path, so it goes through EF.</summary>
public static class EvaluationQueries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static async Task<Results<Ok<EvaluationPage>, ValidationProblem>> ListEvaluations(
        [AsParameters] EvaluationFilter filter, FeedbackDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Filter(filter, db.Evaluations.AsNoTracking(), errors, out var limit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(limit).ToListAsync(ct);
        var next = rows.Count == limit ? rows[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new EvaluationPage(rows.ConvertAll(e => e.AsResponse()), next));
    }

    public static async Task<Results<Ok<EvaluationResponse>, NotFound>> GetEvaluation(long id, FeedbackDbContext db, CancellationToken ct) =>
        await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } evaluation
            ? TypedResults.Ok(evaluation.AsResponse())
            : TypedResults.NotFound();

    private static IQueryable<Evaluation> Filter(EvaluationFilter f, IQueryable<Evaluation> query, Dictionary<string, string[]> errors, out int limit)
    {
        // Npgsql writes only UTC values to timestamptz.
        if (Parse<DateTimeOffset>(f.From, "from", errors)?.ToUniversalTime() is { } from) query = query.Where(e => e.EvaluatedAt >= from);
        if (Parse<DateTimeOffset>(f.To, "to", errors)?.ToUniversalTime() is { } to) query = query.Where(e => e.EvaluatedAt < to);
        if (!string.IsNullOrWhiteSpace(f.DepartmentCode)) query = query.Where(e => e.DepartmentCode == f.DepartmentCode);
        if (!string.IsNullOrWhiteSpace(f.WindowCode)) query = query.Where(e => e.WindowCode == f.WindowCode);
        if (!string.IsNullOrWhiteSpace(f.StaffCode)) query = query.Where(e => e.StaffCode == f.StaffCode);
        if (Parse<int>(f.Rating, "rating", errors) is { } rating)
        {
            if (rating is < 1 or > 5) errors["rating"] = ["Rating is 1 to 5."];
            var value = (short)rating;
            query = query.Where(e => e.Rating == value);
        }
        if (Parse<bool>(f.BadOnly, "badOnly", errors) == true) query = query.Where(e => e.Rating <= 2);
        if (!string.IsNullOrWhiteSpace(f.Theme)) query = query.Where(e => (e.CorrectedTheme ?? e.Theme) == f.Theme);
        if (Parse<bool>(f.NeedsReview, "needsReview", errors) is { } review) query = query.Where(e => e.NeedsReview == review);
        if (!string.IsNullOrWhiteSpace(f.Signal)) query = query.Where(e => e.ThemeSignal == f.Signal);
        if (Parse<long>(f.Cursor, "cursor", errors) is { } cursor) query = query.Where(e => e.Id < cursor);
        limit = Parse<int>(f.Limit, "limit", errors) ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"Limit is 1 to {MaxLimit}."];
        return query;
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
