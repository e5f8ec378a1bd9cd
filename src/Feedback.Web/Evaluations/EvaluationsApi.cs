using Feedback.Web.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Feedback.Web.Evaluations;

public static class EvaluationsApi
{
    public const int MaxBatch = 1000;

    public static RouteGroupBuilder MapEvaluations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evaluations").WithTags("Evaluations");
        group.MapPost("/", CreateEvaluation).RequireAuthorization(Policies.Ingest)
            .WithSummary("Store one rating; the same caseNumber + assessNumber again returns the stored one.");
        group.MapPost("/batch", CreateBatch).RequireAuthorization(Policies.Ingest)
            .WithSummary($"Store up to {MaxBatch} ratings; valid ones are kept even when others are invalid.");
        group.MapGet("/", EvaluationQueries.ListEvaluations).RequireAuthorization(Policies.Read)
            .WithSummary("List ratings, newest first, with filters and keyset pagination.");
        group.MapGet("/{id:long}", EvaluationQueries.GetEvaluation).RequireAuthorization(Policies.Read)
            .WithName("GetEvaluation");
        return group;
    }

    public static async Task<Results<Created<EvaluationResponse>, Ok<EvaluationResponse>, ValidationProblem>> CreateEvaluation(
        EvaluationRequest request, EvaluationIntake intake, EvaluationWriter writer, CancellationToken ct)
    {
        var (evaluation, errors) = await intake.ValidateAsync(request, intake.Now, ct);
        if (evaluation is null)
        {
            return TypedResults.ValidationProblem(errors!);
        }
        var outcome = await writer.WriteAsync(evaluation, ct);
        var response = outcome.Evaluation.AsResponse();
        return outcome.Status switch
        {
            StoreStatus.Created => TypedResults.Created($"/api/evaluations/{response.Id}", response),
            StoreStatus.Duplicate => TypedResults.Ok(response),
            _ => TypedResults.ValidationProblem(StoreOutcome.Refusal(outcome.Error)),
        };
    }

    public static async Task<Results<Ok<BatchResponse>, ValidationProblem>> CreateBatch(
        BatchRequest request, EvaluationIntake intake, NpgsqlDataSource dataSource, EvaluationStore store, CancellationToken ct)
    {
        if (request.Items is not { Count: > 0 and <= MaxBatch } items)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [$"Send 1 to {MaxBatch} items."] });
        }
        var results = new BatchItemResult[items.Count];
        var valid = new List<(int Index, Evaluation Evaluation)>();
        var receivedAt = intake.Now;
        for (var i = 0; i < items.Count; i++)
        {
            var (evaluation, errors) = await intake.ValidateAsync(items[i], receivedAt, ct);
            if (evaluation is null)
            {
                results[i] = new(i, "invalid", null, errors);
            }
            else
            {
                valid.Add((i, evaluation));
            }
        }
        await StoreValidAsync(dataSource, store, valid, results, ct);
        return TypedResults.Ok(new BatchResponse(
            results.Count(r => r.Status == "created"), results.Count(r => r.Status == "duplicate"), results.Count(r => r.Status == "invalid"), results));
    }

    private static async Task StoreValidAsync(NpgsqlDataSource dataSource, EvaluationStore store, List<(int Index, Evaluation Evaluation)> valid, BatchItemResult[] results, CancellationToken ct)
    {
        if (valid.Count == 0)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var outcomes = await store.InsertAsync(connection, valid.ConvertAll(v => v.Evaluation), ct);
        for (var i = 0; i < valid.Count; i++)
        {
            var index = valid[i].Index;
            results[index] = outcomes[i].Status switch
            {
                StoreStatus.Created => new(index, "created", outcomes[i].Evaluation.Id, null),
                StoreStatus.Duplicate => new(index, "duplicate", outcomes[i].Evaluation.Id, null),
                _ => new(index, "invalid", null, StoreOutcome.Refusal(outcomes[i].Error)),
            };
        }
    }
}

public sealed record BatchRequest(IReadOnlyList<EvaluationRequest>? Items);
