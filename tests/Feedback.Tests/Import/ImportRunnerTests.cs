using System.Net.Http.Json;
using System.Text;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Evaluations;
using Feedback.Web.Import;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Import;

public sealed class ImportRunnerTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IDisposable
{
    private const string Header = "caseNumber,channel,rating,reasonCodes,comment,departmentCode,windowCode";
    private readonly string _directory = Directory.CreateTempSubdirectory("feedback-import-").FullName;
    private readonly string _prefix = "I" + Guid.NewGuid().ToString("N")[..10] + "-";
    private readonly List<ImportRow> _invalid = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_MixedFile_CountsEachOutcomeAndStoresTheValidRows()
    {
        var (stored, fresh, other) = (Case("stored"), Case("fresh"), Case("other"));
        var api = await app.Ingest.PostRatingAsync(TestRatings.Valid(stored));
        var storedId = (await api.Content.ReadFromJsonAsync<EvaluationResponse>(Ct))!.Id;
        var path = WriteFile("mixed.csv", $"""
            {Header}
            {fresh},qr,5,,,D01,W001
            {Case("bad-rating")},qr,five,,,D01,W001
            {stored},qr,4,,,D01,W001
            {Case("bad-window")},qr,5,,,D01,W006
            {other},qr,2,213;214,"两行
            评论",D01,W001
            {fresh},qr,5,,,D01,W001
            {Case("bad-count")},qr,5,,D01
            {Case("bad-reason")},qr,1,213,,D01,W001
            """);

        var summary = await RunAsync(path);

        Assert.Equal((2, 2, 4), (summary.Created, summary.Duplicates, summary.Invalid));
        Assert.Equal([(3, "rating"), (5, "windowCode"), (9, "line"), (10, "reasonCodes")],
            _invalid.Select(r => (r.LineNumber, Assert.Single(r.Errors!.Keys))));
        var rows = await StoredAsync();
        Assert.Equal([fresh, other, stored], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(storedId, rows[stored].Id);
        Assert.Equal("两行\n评论", rows[other].Comment);
    }

    [Fact]
    public async Task RunAsync_RowTheDatabaseRejects_IsReportedWithItsLineAndTheChunkIsKept()
    {
        var rejected = Case("rejected");
        var path = WriteFile("rejected-data.csv", $"{Header}\n{Case("a")},qr,5,,,D01,W001\n{rejected},qr,5,,,D01,W001\n{Case("b")},qr,5,,,D01,W001\n");
        var function = "reject_" + _prefix.TrimEnd('-').ToLowerInvariant();
        await ExecuteAsync($"""
            CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.case_number = '{rejected}' THEN RAISE EXCEPTION 'no' USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER {function} BEFORE INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION {function}();
            """);
        try
        {
            var summary = await RunAsync(path);

            Assert.Equal((2, 0, 1), (summary.Created, summary.Duplicates, summary.Invalid));
            Assert.Equal(3, Assert.Single(_invalid).LineNumber);
            Assert.Equal([Case("a"), Case("b")], (await StoredAsync()).Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER {function} ON evaluations; DROP FUNCTION {function}();");
        }
    }

    [Fact]
    public async Task RunAsync_ChineseCommentWithCommasQuotesAndNewline_RoundTrips()
    {
        const string comment = "窗口\"小王\"说：材料齐了, 一次办好，\n下次还来！👍";
        var csvComment = "\"" + comment.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var path = WriteFile("comment.csv", $"{Header}\n{Case("c")},web,5,,{csvComment},D01,W001\n", bom: true);

        var summary = await RunAsync(path);

        Assert.Equal((1, 0, 0), (summary.Created, summary.Duplicates, summary.Invalid));
        Assert.Equal(comment, (await StoredAsync())[Case("c")].Comment);
    }

    [Fact]
    public async Task RunAsync_SameFileTwice_SecondRunIsAllDuplicates()
    {
        var path = WriteFile("twice.csv", $"{Header}\n{Case("a")},qr,5,,,D01,W001\n{Case("b")},qr,4,,,D01,W001\n{Case("c")},qr,0,,,D01,W001\n");
        var first = await RunAsync(path);
        var afterFirst = await StoredAsync();

        var second = await RunAsync(path);

        Assert.Equal((2, 0, 1), (first.Created, first.Duplicates, first.Invalid));
        Assert.Equal((0, 2, 1), (second.Created, second.Duplicates, second.Invalid));
        Assert.Equal(afterFirst, await StoredAsync());
    }

    [Fact]
    public async Task RunAsync_MoreRowsThanAChunk_StoresEveryRowOnce()
    {
        var count = 2 * ImportRunner.ChunkSize + 7;
        var lines = Enumerable.Range(0, count).Select(i => $"{Case(i.ToString())},qr,{i % 5 + 1},,,D01,W001");
        // The first chunk's first case again, in the second chunk: two writers may race for it.
        var path = WriteFile("large.csv", string.Join('\n', [Header, .. lines.Take(ImportRunner.ChunkSize + 1), $"{Case("0")},qr,5,,,D01,W001", .. lines.Skip(ImportRunner.ChunkSize + 1)]));
        var progress = (Bytes: 0L, Rows: 0L);

        var summary = await app.Services.CreateImportRunner().RunAsync(path, _invalid.Add, (bytes, rows) => progress = (bytes, rows), Ct);

        Assert.Equal((count, 1, 0), (summary.Created, summary.Duplicates, summary.Invalid));
        Assert.Equal(count, (await StoredAsync()).Count);
        Assert.Equal((new FileInfo(path).Length, count + 1L), progress);
    }

    [Fact]
    public async Task RunAsync_Ndjson_StoresGoodLinesAndReportsBadOnesByLine()
    {
        var path = WriteFile("ratings.ndjson", $$"""
            {"caseNumber":"{{Case("n1")}}","channel":"qr","rating":2,"reasonCodes":[213],"departmentCode":"D01"}
            {"caseNumber":"{{Case("n2")}}","channel":"qr","rating":"five","departmentCode":"D01"}
            {"caseNumber":"{{Case("n3")}}","channel":"qr","rating":5,"departmentCode":"D01","windowCode":"W006"}
            """);

        var summary = await RunAsync(path);

        Assert.Equal((1, 0, 2), (summary.Created, summary.Duplicates, summary.Invalid));
        Assert.Equal([(2, "line"), (3, "windowCode")], _invalid.Select(r => (r.LineNumber, Assert.Single(r.Errors!.Keys))));
        Assert.Equal([Case("n1")], (await StoredAsync()).Keys);
    }

    [Fact]
    public async Task RunAsync_UnknownColumn_ThrowsAndStoresNothing()
    {
        var path = WriteFile("unknown.csv", $"{Header},mood\n{Case("u")},qr,5,,,D01,W001,happy\n");

        await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(path));

        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task RunAsync_CommentWithNulCharacter_IsReportedInvalidAndTheOtherRowsAreStored()
    {
        // PostgreSQL text cannot hold U+0000, so validation must catch it before the row poisons its chunk.
        var path = WriteFile("nul.csv", $"{Header}\n{Case("ok")},qr,5,,,D01,W001\n{Case("nul")},qr,5,,a\0b,D01,W001\n");

        var summary = await RunAsync(path);

        Assert.Equal((1, 0, 1), (summary.Created, summary.Duplicates, summary.Invalid));
        Assert.Equal([(3, "comment")], _invalid.Select(r => (r.LineNumber, Assert.Single(r.Errors!.Keys))));
        Assert.Equal([Case("ok")], (await StoredAsync()).Keys);
    }

    [Fact]
    public async Task RunAsync_DatabaseRejectsTwoChunks_ThrowsInsteadOfWaitingForever()
    {
        // Both writers fail (as when the database restarts mid-import) while later chunks are still to come.
        var lines = Enumerable.Range(0, 4 * ImportRunner.ChunkSize + 1)
            .Select(i => $"{Case(i is 0 or ImportRunner.ChunkSize ? $"poison{i}" : $"{i}")},qr,5,,,D01,W001");
        var path = WriteFile("rejected.csv", string.Join('\n', [Header, .. lines]));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        await ExecuteAsync("""
            CREATE FUNCTION reject_poison() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.case_number LIKE '%-poison%' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER reject_poison BEFORE INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION reject_poison();
            """);
        try
        {
            var run = app.Services.CreateImportRunner().RunAsync(path, _invalid.Add, null, deadline.Token);

            var ex = await Record.ExceptionAsync(() => run);

            Assert.IsType<PostgresException>(ex);
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER reject_poison ON evaluations; DROP FUNCTION reject_poison();");
        }
    }

    public void Dispose() => TestPostgres.TryDelete(_directory);

    private string Case(string name) => _prefix + name;

    private Task<ImportSummary> RunAsync(string path) => app.Services.CreateImportRunner().RunAsync(path, _invalid.Add, null, Ct);

    private string WriteFile(string name, string content, bool bom = false)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>This test's stored rows by case number; a case stored twice fails here.</summary>
    private async Task<Dictionary<string, (long Id, string? Comment)>> StoredAsync()
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT case_number, id, comment FROM evaluations WHERE starts_with(case_number, $1)");
        command.Parameters.Add(new() { Value = _prefix });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new Dictionary<string, (long, string?)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0), (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }
}

internal static class ImportRunnerServices
{
    public static ImportRunner CreateImportRunner(this IServiceProvider services) => ActivatorUtilities.CreateInstance<ImportRunner>(services);
}
