using System.Net;
using Feedback.Tests.Infrastructure;
using Feedback.Web.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Tests.Admin;

/// <summary>/admin/keys: a key is shown once, works at once, and stops at once when revoked; the audit log never holds it.</summary>
public sealed class KeyPagesTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ShowsKeyOnceAndItWorks_AuditHasNoKey()
    {
        using var admin = await AdminClient.SignedInAsync(app, "keys.creator");

        var response = await admin.PostFormAsync("/admin/keys", new() { ["name"] = "办件系统", ["scope"] = ApiKeyScopes.Read });
        var key = AdminClient.Secret(await response.Content.ReadAsStringAsync(Ct));
        using var machine = WithKey(key);
        var audit = Assert.Single(await AdminClient.AuditAsync(app, ApiKeyRecord.Kind, "办件系统"));
        var list = await admin.GetStringAsync("/admin/keys", Ct);

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.StartsWith("fbk_", key);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/org", Ct)).StatusCode);
        Assert.Equal(("keys.creator", "created"), (audit.Actor, audit.Action));
        Assert.Contains("\"scope\": \"read\"", audit.After);
        Assert.DoesNotContain(key, audit.After);
        Assert.DoesNotContain(key[4..12], list);
    }

    [Fact]
    public async Task Revoke_KeyAnswers401AtOnce_AndTwiceIsRefused()
    {
        using var admin = await AdminClient.SignedInAsync(app, "keys.revoker");
        var created = await admin.PostFormAsync("/admin/keys", new() { ["name"] = "old pad", ["scope"] = ApiKeyScopes.Ingest });
        using var machine = WithKey(AdminClient.Secret(await created.Content.ReadAsStringAsync(Ct)));
        var id = await AdminClient.QueryAsync(app, db => db.ApiKeys.Where(k => k.Name == "old pad").Select(k => k.Id).SingleAsync(Ct));
        // A request first, so that the key sits in the cache that revoking must clear.
        var before = await machine.PostRatingAsync(TestRatings.Valid());

        var revoke = await admin.PostFormAsync($"/admin/keys/{id}/revoke", []);
        var after = await machine.PostRatingAsync(TestRatings.Valid());
        var twice = await admin.PostFormAsync($"/admin/keys/{id}/revoke", []);
        var audit = (await AdminClient.AuditAsync(app, ApiKeyRecord.Kind, "old pad")).Last();

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal("/admin/keys?revoked=old%20pad", revoke.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("密钥“old pad”已经吊销过了", await twice.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("keys.revoker", "revoked"), (audit.Actor, audit.Action));
        Assert.Contains("\"revokedAt\": null", audit.Before);
        Assert.DoesNotContain("\"revokedAt\": null", audit.After);
        Assert.Equal(2, (await AdminClient.AuditAsync(app, ApiKeyRecord.Kind, "old pad")).Count);
    }

    [Theory]
    [InlineData("dup key", "ingest", "名称“dup key”已被使用")]
    [InlineData("  ", "ingest", "名称须为 1-100 个字符")]
    [InlineData("no scope", "root", "请选择密钥的范围")]
    public async Task Create_BadInput_ShowsChineseMessageAndWritesNothing(string name, string scope, string message)
    {
        using var admin = await AdminClient.SignedInAsync(app, $"keys.{Guid.NewGuid():N}"[..20]);
        if (!await AdminClient.QueryAsync(app, db => db.ApiKeys.AnyAsync(k => k.Name == "dup key", Ct)))
            await admin.PostFormAsync("/admin/keys", new() { ["name"] = "dup key", ["scope"] = "read" });
        var keysBefore = await AdminClient.QueryAsync(app, db => db.ApiKeys.CountAsync(Ct));

        var response = await admin.PostFormAsync("/admin/keys", new() { ["name"] = name, ["scope"] = scope });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(keysBefore, await AdminClient.QueryAsync(app, db => db.ApiKeys.CountAsync(Ct)));
    }

    private HttpClient WithKey(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }
}
