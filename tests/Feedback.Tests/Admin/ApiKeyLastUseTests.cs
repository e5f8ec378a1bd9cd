using Feedback.Tests.Infrastructure;
using Feedback.Web.ApiKeys;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Feedback.Tests.Admin;

/// <summary>last_used_at follows use, but is written at most once a minute per key: never a write per request.</summary>
public sealed class ApiKeyLastUseTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task NoteUse_WithinAMinute_WritesOnce_AfterAMinute_WritesAgain()
    {
        var (cache, key) = await CreateAsync("last.use");
        var start = _time.GetUtcNow();

        await UseAsync(cache, key, times: 20);
        var first = await LastUsedAsync("last.use");
        _time.Advance(TimeSpan.FromSeconds(59));
        await UseAsync(cache, key, times: 20);
        var withinMinute = await LastUsedAsync("last.use");
        _time.Advance(TimeSpan.FromSeconds(1));
        await UseAsync(cache, key, times: 1);
        var afterMinute = await LastUsedAsync("last.use");

        Assert.Equal(start, first);
        Assert.Equal(start, withinMinute);
        Assert.Equal(start.AddMinutes(1), afterMinute);
    }

    [Fact]
    public async Task NoteUse_ManyRequestsAtOnce_OneUpdateStatement()
    {
        var (cache, key) = await CreateAsync("parallel.use");
        var statementsBefore = await UpdateStatementsAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => UseAsync(cache, key, times: 1)));
        await UseAsync(cache, key, times: 50);

        Assert.Equal(1, await UpdateStatementsAsync() - statementsBefore);
    }

    [Fact]
    public async Task ApiRequest_RecordsLastUse()
    {
        Assert.Null(await LastUsedAsync("test-read"));

        await app.Reader.GetAsync("/api/org", Ct);

        Assert.NotNull(await LastUsedAsync("test-read"));
    }

    private async Task<(ApiKeyCache Cache, string Key)> CreateAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var key = await ApiKeyService.CreateAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), name, ApiKeyScopes.Ingest, _time, Ct);
        return (new ApiKeyCache(app.Services.GetRequiredService<NpgsqlDataSource>(), _time), key);
    }

    private static async Task UseAsync(ApiKeyCache cache, string key, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var found = await cache.FindAsync(key, Ct);
            await cache.NoteUseAsync(found!.Id, Ct);
        }
    }

    private Task<DateTimeOffset?> LastUsedAsync(string name) =>
        AdminClient.QueryAsync(app, db => db.ApiKeys.Where(k => k.Name == name).Select(k => k.LastUsedAt).SingleAsync(Ct));

    // UPDATE statements run on api_keys, counted by a statement trigger in this class's own database (it fires even
    // when no row matches, so a second write that the WHERE clause would make a no-op still counts).
    private async Task<long> UpdateStatementsAsync()
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            CREATE TABLE IF NOT EXISTS api_key_updates (at timestamptz DEFAULT now());
            CREATE OR REPLACE FUNCTION count_api_key_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO api_key_updates DEFAULT VALUES; RETURN NULL; END $$;
            CREATE OR REPLACE TRIGGER count_api_key_update AFTER UPDATE ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION count_api_key_update();
            SELECT count(*) FROM api_key_updates;
            """);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
