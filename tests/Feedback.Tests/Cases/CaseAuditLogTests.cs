using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Npgsql;

namespace Feedback.Tests.Cases;

/// <summary>case_events is the audit log: one row per change, with who, in which role, from and to which state, and why.</summary>
public sealed class CaseAuditLogTests(CasesApp app) : IClassFixture<CasesApp>
{
    [Theory]
    [InlineData("UPDATE case_events SET note = 'rewritten' WHERE case_id = $1")]
    [InlineData("DELETE FROM case_events WHERE case_id = $1")]
    public async Task CaseEvents_ChangedOrDeleted_RaisesAndKeepsTheRows(string sql)
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.Rectify, "已整改");

        var ex = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync(sql, id));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains("append-only", ex.MessageText);
        Assert.Equal(["open", "rectify"], await app.EventActionsAsync(id));
        Assert.Equal([null, "已整改"], await app.QueryAsync("SELECT note FROM case_events WHERE case_id = $1 ORDER BY id", r => r.IsDBNull(0) ? null : r.GetString(0), id));
    }

    [Fact]
    public async Task CaseEvents_Truncate_Raises()
    {
        await app.OpenCaseAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync("TRUNCATE case_events CASCADE"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task CaseEvents_EachTransition_RecordsActorRoleStatesNoteAndTime()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();
        var officerName = $"officer.{Guid.NewGuid():N}"[..20];
        await Browser.CreateUserAsync(app, officerName, Roles.DepartmentOfficer, "D01");
        using var officer = await Browser.SignedInAsync(app, officerName);
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await officer.ActOkAsync(id, CaseAction.Appeal, "评价与办件无关");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await quality.ActOkAsync(id, CaseAction.RejectAppeal, "确有其事");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Admin.ActOkAsync(id, CaseAction.Rectify, "已重新办理");

        var rows = await app.QueryAsync(
            "SELECT at, actor, actor_role, action, from_state, to_state, note FROM case_events WHERE case_id = $1 ORDER BY id",
            r => (r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)),
            id);
        Assert.Equal(4, rows.Count);
        Assert.Equal((opened, "system", "system", "open", null, "open", null), rows[0]);
        Assert.Equal((opened.AddMinutes(5), officerName, "department_officer", "appeal", "open", "appealed", "评价与办件无关"), rows[1]);
        Assert.Equal(("quality_officer", "reject_appeal", "appealed", "in_progress", "确有其事"), (rows[2].Item3, rows[2].Item4, rows[2].Item5, rows[2].Item6, rows[2].Item7));
        Assert.Equal(opened.AddMinutes(10), rows[2].Item1);
        Assert.StartsWith("apikey:", rows[3].Item2);
        Assert.Equal(("admin", "rectify", "in_progress", "rectified", "已重新办理"), (rows[3].Item3, rows[3].Item4, rows[3].Item5, rows[3].Item6, rows[3].Item7));
    }

    [Fact]
    public async Task CaseEvents_RefusedAction_AddsNoRow()
    {
        var id = await app.OpenCaseAsync();
        using var leader = await app.SignedInAsAsync(Roles.Leader);

        await leader.ActAsync(id, CaseAction.Start);
        await app.Admin.ActAsync(id, CaseAction.FollowUp, satisfaction: 5);
        await app.Admin.ActAsync(id, CaseAction.Rectify);

        Assert.Equal(["open"], await app.EventActionsAsync(id));
    }
}
