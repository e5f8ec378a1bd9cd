using Feedback.Web.Cases;
using Feedback.Web.Data;
using Feedback.Web.Evaluations;
using Feedback.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Feedback.Tests.Data;

/// <summary>
/// The raw-SQL writers and readers take their columns from a <see cref="TableMap{TRow}"/>, the migrations from the EF
/// model: a column added to one and not the other fails here rather than in production.
/// </summary>
public sealed class TableMapTests
{
    private static readonly IRelationalModel Model = new DesignTimeDbContextFactory().CreateDbContext([]).Model.GetRelationalModel();

    [Fact]
    public void EvaluationMap_HasTheColumnsOfTheEfModel() => Assert.Empty(Differences(EvaluationMap.Map));

    [Fact]
    public void CaseMap_HasTheColumnsOfTheEfModel() => Assert.Empty(Differences(CaseMap.Cases));

    [Fact]
    public void CaseEventMap_HasTheColumnsOfTheEfModel() => Assert.Empty(Differences(CaseMap.Events));

    [Fact]
    public void NotificationMap_HasTheColumnsOfTheEfModel() => Assert.Empty(Differences(NotificationMap.Map));

    [Fact]
    public void Differences_AColumnMissingOrMistyped_AreNamed()
    {
        var map = new TableMap<Notification>("notifications")
            .Identity("id").Text("event_key", n => n.EventKey).Text("target", n => n.Target).Text("kind", n => n.Kind)
            .Int64("case_id", n => n.CaseId ?? 0).Text("department_code", n => n.DepartmentCode).Text("title", n => n.Title)
            .Text("body", n => n.Body).Timestamp("created_at", n => n.CreatedAt).Timestamp("next_attempt_at", n => n.NextAttemptAt)
            .Int32("attempts", n => n.Attempts).NullableTimestamp("delivered_at", null).Text("mistake", null);

        Assert.Equal(["in the EF model only: last_error text", "in the map only: mistake text"], Differences(map));
    }

    [Fact]
    public void EvaluationMap_CopiesTheIdAndKeyFirst()
    {
        // The import patches the id into, and reads the key back from, a COPY row's first fields.
        var map = EvaluationMap.Map;
        Assert.Equal((0, 1, 2), (map.CopyOrdinal("id"), map.CopyOrdinal("case_number"), map.CopyOrdinal("assess_number")));
    }

    [Fact]
    public void InsertFromUnnest_WritesEachWrittenColumnOnceFromItsParameter()
    {
        var sql = CaseMap.Events.InsertFromUnnest("");

        Assert.Contains("INSERT INTO case_events (case_id, at, actor, actor_role, action, from_state, to_state, note)", sql);
        Assert.Contains("unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])", sql);
        Assert.Equal("case_events (case_id, at, actor, actor_role, action, from_state, to_state, note)", CaseMap.Events.CopyTarget);
    }

    private static List<string> Differences<TRow>(TableMap<TRow> map)
    {
        var table = Model.FindTable(map.Table, null) ?? throw new InvalidOperationException($"No table {map.Table} in the EF model.");
        var model = table.Columns.Select(c => $"{c.Name} {Normalized(c.StoreType)}").ToList();
        var mapped = map.Columns.Select(c => $"{c.Name} {c.StoreType}").ToList();
        return
        [
            .. model.Except(mapped).Order(StringComparer.Ordinal).Select(c => "in the EF model only: " + c),
            .. mapped.Except(model).Order(StringComparer.Ordinal).Select(c => "in the map only: " + c),
        ];
    }

    /// <summary>The maps write text; the length limit is the model's (and the database refuses a longer value).</summary>
    private static string Normalized(string storeType) =>
        storeType.StartsWith("character varying", StringComparison.Ordinal) ? "text" : storeType;
}
