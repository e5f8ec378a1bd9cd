using System.Net;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Tests.Admin;

/// <summary>/admin/audit: filters, newest first, keyset pages, and a readable before/after.</summary>
public sealed class AuditPageTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_FiltersByKindKeyActorAndLocalDates()
    {
        // 2026-11-30 23:30 and 2026-12-01 00:30 in Beijing: on either side of a local midnight.
        await RecordAsync(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero), "alice", "window", "W900", "retired");
        await RecordAsync(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), "bob", "window", "W901", "created");
        await RecordAsync(new DateTimeOffset(2026, 11, 30, 16, 40, 0, TimeSpan.Zero), "bob", "department", "D900", "created");
        using var admin = await AdminClient.SignedInAsync(app, "audit.reader");

        var december = await admin.GetStringAsync("/admin/audit?kind=window&from=2026-12-01&to=2026-12-01", Ct);
        var byKey = await admin.GetStringAsync("/admin/audit?key=W90", Ct);
        var byActor = await admin.GetStringAsync("/admin/audit?actor=bo", Ct);

        Assert.Contains("W901", december);
        Assert.DoesNotContain("W900", december);
        Assert.DoesNotContain("D900", december);
        Assert.Contains("W900", byKey);
        Assert.Contains("W901", byKey);
        Assert.Contains("D900", byActor);
        Assert.DoesNotContain("W900", byActor);
        Assert.True(byKey.IndexOf("W901", StringComparison.Ordinal) < byKey.IndexOf("W900", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Audit_PagesNewestFirstWithoutGapsOrRepeats()
    {
        for (var i = 0; i < AuditQueries.PageSize + 7; i++)
            await RecordAsync(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), "pager", "staff", $"P{i:D3}", "updated");
        using var admin = await AdminClient.SignedInAsync(app, "audit.pager");

        var first = await admin.GetStringAsync("/admin/audit?actor=pager", Ct);
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/admin/audit\\?actor=pager&amp;before=\\d+)\"").Groups[1].Value;
        var second = await admin.GetStringAsync(WebUtility.HtmlDecode(next), Ct);

        Assert.Contains($"P{AuditQueries.PageSize + 6:D3}", first);
        Assert.Contains("P007", first);
        Assert.DoesNotContain("P006", first);
        Assert.Contains("P006", second);
        Assert.Contains("P000", second);
        Assert.DoesNotContain("P007", second);
        Assert.DoesNotContain("更早的记录", second);
    }

    [Fact]
    public async Task Audit_ShowsChangedFieldsBeforeAndAfter()
    {
        await RecordAsync(DateTimeOffset.UtcNow, "diff.admin", "user", "diff.person", "updated",
            new { userName = "diff.person", role = "leader", disabled = false }, new { userName = "diff.person", role = "admin", disabled = false });
        using var admin = await AdminClient.SignedInAsync(app, "audit.differ");

        var html = await admin.GetStringAsync("/admin/audit?key=diff.person", Ct);

        Assert.Contains("<dt>角色</dt>", html);
        Assert.Contains("<del>领导</del>", html);
        Assert.Contains("<ins>系统管理员</ins>", html);
        Assert.DoesNotContain("<dt>用户名</dt>", html);
    }

    [Theory]
    [InlineData("from=2026-13-01", "日期格式应为")]
    [InlineData("from=2026-12-02&to=2026-12-01", "开始日期晚于结束日期")]
    public async Task Audit_BadDates_SayWhatIsWrong(string query, string message)
    {
        using var admin = await AdminClient.SignedInAsync(app, $"audit.{Guid.NewGuid():N}"[..20]);

        var response = await admin.GetAsync($"/admin/audit?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public void AuditDiff_CreatedAndUpdated_ListsFieldsWithChanges()
    {
        var fields = AuditDiff.Fields("{\"name\": \"A\", \"scope\": \"read\"}", "{\"name\": \"A\", \"scope\": \"admin\", \"revokedAt\": null}");

        Assert.Equal([new("name", "A", "A"), new("scope", "read", "admin"), new("revokedAt", null, null)], fields);
        Assert.Equal(["scope"], fields.Where(f => f.Changed).Select(f => f.Name));
    }

    private async Task RecordAsync(DateTimeOffset at, string actor, string kind, string key, string action, object? before = null, object? after = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        new AdminAudit(db, new FakeTimeProvider(at)).Record(actor, kind, key, action, before, after ?? new { code = key });
        await db.SaveChangesAsync(Ct);
    }
}
