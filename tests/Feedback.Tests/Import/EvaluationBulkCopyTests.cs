using Feedback.Tests.Cases;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;
using Feedback.Web.Import;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Import;

public sealed class EvaluationBulkCopyTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private readonly string _prefix = "B" + Guid.NewGuid().ToString("N")[..10] + "-";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StoreAsync_EveryColumn_IsStoredAsTheRowByRowStoreStoresIt(bool full)
    {
        // The COPY rows are encoded by hand (PgBinaryRows): any difference from Npgsql's own encoding shows here.
        await using var connection = await OpenAsync();
        using var batch = Batch(Row("copied", full));

        var copied = await BulkCopy.StoreAsync(connection, batch, Ct);
        await app.Services.GetRequiredService<EvaluationStore>().InsertAsync(connection, [Row("inserted", full)], Ct);

        Assert.Equal((1, 0), (copied.Created, copied.Duplicates));
        Assert.Equal(await ColumnsAsync(connection, "inserted"), await ColumnsAsync(connection, "copied"));
    }

    [Fact]
    public async Task StoreAsync_KeyStoredAndRepeated_CopiesOnlyTheNewRows()
    {
        await using var connection = await OpenAsync();
        using var stored = Batch(Row("stored", false));
        await BulkCopy.StoreAsync(connection, stored, Ct);
        using var batch = Batch(Row("new", false), Row("stored", false), Row("new", false));

        var outcome = await BulkCopy.StoreAsync(connection, batch, Ct);

        Assert.Equal((1, 2), (outcome.Created, outcome.Duplicates));
        Assert.Empty(outcome.Rejected);
        Assert.Equal(2L, await CountAsync(connection));
    }

    [Fact]
    public async Task StoreAsync_RowsTheDatabaseRefuses_AreNamedAndEveryOtherRowIsStored()
    {
        await using var connection = await OpenAsync();
        using var batch = Batch([.. Enumerable.Range(0, 10).Select(i => Row($"r{i}", full: i % 2 == 0))]);
        var outcome = default(CopyOutcome);

        await app.WhileRefusingAsync("evaluations", $"NEW.case_number IN ('{_prefix}r3', '{_prefix}r8')",
            async () => outcome = await BulkCopy.StoreAsync(connection, batch, Ct));

        Assert.Equal((8, 0), (outcome!.Created, outcome.Duplicates));
        Assert.Equal([3, 8], outcome.Rejected.Select(r => batch.Tag(r.Row)));
        Assert.All(outcome.Rejected, r => Assert.Equal("refused by the test", r.Error));
        Assert.Equal(8L, await CountAsync(connection));
    }

    [Fact]
    public async Task StoreAsync_BadRating_OpensTheCaseAuditLineAndNotificationTheStoreWouldOpen()
    {
        // The import opens cases with COPY, the other paths with INSERT: both must write the same rows.
        await using var connection = await OpenAsync();
        using var batch = Batch(Row("copied-bad", full: true));

        await BulkCopy.StoreAsync(connection, batch, Ct);
        await app.Services.GetRequiredService<EvaluationStore>().InsertAsync(connection, [Row("inserted-bad", full: true)], Ct);

        var inserted = await CaseRowsAsync(connection, "inserted-bad");
        Assert.Contains("\"state\": \"open\"", inserted);
        Assert.Contains("\"action\": \"open\"", inserted);
        Assert.Equal(inserted, await CaseRowsAsync(connection, "copied-bad"));
    }

    private EvaluationBulkCopy BulkCopy => app.Services.GetRequiredService<EvaluationBulkCopy>();

    private ValueTask<NpgsqlConnection> OpenAsync() => app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Ct);

    /// <summary>The rows, each tagged with its position.</summary>
    private static EvaluationCopyBatch Batch(params Evaluation[] rows)
    {
        var batch = new EvaluationCopyBatch();
        for (var i = 0; i < rows.Length; i++)
        {
            batch.Add(rows[i], tag: i);
        }
        return batch;
    }

    private async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM evaluations WHERE starts_with(case_number, $1)", connection);
        command.Parameters.Add(new() { Value = _prefix });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private Evaluation Row(string name, bool full) => new()
    {
        CaseNumber = _prefix + name,
        AssessNumber = (short)(full ? 2 : 1),
        Channel = "qr",
        Rating = (short)(full ? 2 : 5),
        ReasonCodes = full ? [213, 214] : [],
        Comment = full ? "窗口\"小王\"说：材料齐了, 一次办好，\n下次还来！👍" : null,
        DepartmentCode = "D01",
        WindowCode = full ? "W001" : null,
        Anonymous = !full,
        RaterName = full ? "张三" : null,
        RaterPhoneMasked = full ? "138****5678" : null,
        RaterPhoneHash = full ? [1, 2, 3, 255] : null,
        EvaluatedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(8)).AddTicks(1230),
        ReceivedAt = new DateTimeOffset(2026, 3, 4, 5, 16, 7, TimeSpan.Zero).AddTicks(4560),
        Theme = full ? "attitude" : null,
        ThemeConfidence = full ? 0.8125f : null,
        ThemeSecond = full ? "waiting" : null,
        ThemeSecondScore = full ? 0.1f : null,
        ThemeThird = full ? "其他" : null,
        ThemeThirdScore = full ? -0.0f : null,
        ModelVersion = full ? "v1" : null,
        NeedsReview = full,
        ThemeSignal = full ? "suspected_bad" : null,
    };

    private async Task<string> ColumnsAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (to_jsonb(e) - 'id' - 'case_number')::text FROM evaluations e WHERE case_number = $1
            """, connection);
        command.Parameters.Add(new() { Value = _prefix + name });
        return Assert.IsType<string>(await command.ExecuteScalarAsync(Ct));
    }

    /// <summary>The rating's case, audit lines and notifications, with the ids (which differ) taken out.</summary>
    private async Task<string> CaseRowsAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("""
            SELECT replace(replace(jsonb_build_object(
                       'case', to_jsonb(c) - 'id' - 'evaluation_id',
                       'events', (SELECT jsonb_agg(to_jsonb(e) - 'id' - 'case_id') FROM case_events e WHERE e.case_id = c.id),
                       'notifications', (SELECT jsonb_agg(to_jsonb(n) - 'id' - 'case_id' ORDER BY n.target) FROM notifications n WHERE n.case_id = c.id))::text,
                   'case:' || c.id || ':', 'case:#:'), '#' || c.id, '#')
            FROM evaluations v JOIN cases c ON c.evaluation_id = v.id
            WHERE v.case_number = $1
            """, connection);
        command.Parameters.Add(new() { Value = _prefix + name });
        return Assert.IsType<string>(await command.ExecuteScalarAsync(Ct));
    }
}
