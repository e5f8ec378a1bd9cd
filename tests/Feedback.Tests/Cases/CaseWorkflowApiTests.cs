using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Evaluations;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;

namespace Feedback.Tests.Cases;

/// <summary>The state machine through POST /api/cases/{id}/actions, with signed-in people of each role and API keys.</summary>
public sealed class CaseWorkflowApiTests(CasesApp app) : IClassFixture<CasesApp>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Actions_HappyPath_ReachesClosedWithEveryStepInTheTimeline()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var started = await officer.ActOkAsync(id, CaseAction.Start);
        var rectified = await officer.ActOkAsync(id, CaseAction.Rectify, "已向群众道歉并补办");
        var closed = await officer.ActOkAsync(id, CaseAction.FollowUp, satisfaction: 4);

        Assert.Equal(("in_progress", "rectified", "closed"), (started.Case.State, rectified.Case.State, closed.Case.State));
        Assert.Equal(("已向群众道歉并补办", (short?)4), (closed.ReplyNote, closed.FollowUpSatisfaction));
        Assert.Equal(app.Clock.GetUtcNow(), closed.Case.RepliedAt);
        Assert.Equal(app.Clock.GetUtcNow(), closed.Case.ClosedAt);
        Assert.Null(closed.Case.RemainingSeconds);
        Assert.Empty(closed.AllowedActions);
        Assert.Equal(
            [("open", "system", null, "open"), ("start", "department_officer", "open", "in_progress"),
             ("rectify", "department_officer", "in_progress", "rectified"), ("follow_up", "department_officer", "rectified", "closed")],
            closed.Timeline.Select(e => (e.Action, e.ActorRole, e.FromState, e.ToState)));
        Assert.Equal("已向群众道歉并补办", closed.Timeline[2].Note);
    }

    [Fact]
    public async Task Appeal_Approved_MakesTheRatingInvalidAndTellsBothSides()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);

        var appealed = await officer.ActOkAsync(id, CaseAction.Appeal, "评价人并未来办理业务");
        var review = await quality.GetCaseAsync(id);
        var approved = await quality.ActOkAsync(id, CaseAction.ApproveAppeal);

        Assert.Equal(("appealed", "invalid"), (appealed.Case.State, approved.Case.State));
        Assert.Equal([CaseAction.Note, CaseAction.Assign], appealed.AllowedActions);
        Assert.Equal([CaseAction.ApproveAppeal, CaseAction.RejectAppeal, CaseAction.Note, CaseAction.Assign], review.AllowedActions);
        Assert.Equal(["opened -> inbox:department_officer:D01", "appeal -> inbox:quality_officer", "approve_appeal -> inbox:department_officer:D01"],
            await app.NotificationsAsync(id));
    }

    [Fact]
    public async Task Appeal_Rejected_GoesBackToInProgress()
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.Appeal, "恶意差评");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);

        await AssertProblemAsync(await quality.ActAsync(id, CaseAction.RejectAppeal), "note");
        var rejected = await quality.ActOkAsync(id, CaseAction.RejectAppeal, "录像显示确有推诿");

        Assert.Equal("in_progress", rejected.Case.State);
        Assert.Equal(("reject_appeal", "appealed", "in_progress", "录像显示确有推诿"),
            (rejected.Timeline[^1].Action, rejected.Timeline[^1].FromState, rejected.Timeline[^1].ToState, rejected.Timeline[^1].Note));
    }

    [Theory]
    [InlineData(CaseAction.ApproveCannotFix, "cannot_fix")]
    [InlineData(CaseAction.RejectCannotFix, "in_progress")]
    public async Task CannotFix_Decided_MovesTheCase(string decision, string expected)
    {
        var id = await app.OpenCaseAsync();
        using var head = await app.SignedInAsAsync(Roles.DepartmentHead, "D01");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);

        var requested = await head.ActOkAsync(id, CaseAction.RequestCannotFix, "诉求无法律依据");
        var decided = await quality.ActOkAsync(id, decision, "已核实");

        Assert.Equal(("cannot_fix_review", expected), (requested.Case.State, decided.Case.State));
    }

    [Fact]
    public async Task Extension_Approved_MovesTheDeadlineByWorkingDaysFromTheCurrentOne()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);
        var opened = await officer.GetCaseAsync(id);

        var requested = await officer.ActOkAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: 3);
        var approved = await quality.ActOkAsync(id, CaseAction.ApproveExtension);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await officer.ActOkAsync(id, CaseAction.RequestExtension, "档案在外地", workingDays: 1);
        var again = await quality.ActOkAsync(id, CaseAction.ApproveExtension);

        Assert.Equal(opened.Case.OpenedAt.AddHours(24), opened.Case.DueAt);
        Assert.Equal((short?)3, requested.Case.RequestedExtensionDays);
        Assert.Equal(opened.Case.DueAt, requested.Case.DueAt);
        // Due Tuesday 24 November 09:00; three working days on, the last one ending at 17:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 0, 0, Beijing), approved.Case.DueAt);
        Assert.Equal((null, 1), (approved.Case.RequestedExtensionDays, approved.Case.Extensions));
        Assert.StartsWith("延期 3 个工作日，新期限 2026-11-27 17:00", approved.Timeline[^1].Note);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, Beijing), again.Case.DueAt);
        Assert.Equal(2, again.Case.Extensions);
    }

    [Fact]
    public async Task Extension_Rejected_KeepsTheDeadline()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        var requested = await officer.ActOkAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: 15);

        var rejected = await app.Admin.ActOkAsync(id, CaseAction.RejectExtension, "一天内可以办完");

        Assert.Equal((requested.Case.DueAt, null, 0), (rejected.Case.DueAt, rejected.Case.RequestedExtensionDays, rejected.Case.Extensions));
        Assert.Equal(409, (int)(await app.Admin.ActAsync(id, CaseAction.ApproveExtension)).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(null)]
    public async Task Extension_WorkingDaysOutOfRange_Returns400NamingWorkingDays(int? days)
    {
        var id = await app.OpenCaseAsync();

        await AssertProblemAsync(await app.Admin.ActAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: days), "workingDays");
    }

    [Fact]
    public async Task Extension_SecondRequestWhileOneIsPending_Returns409()
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: 2);

        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin.ActAsync(id, CaseAction.RequestExtension, "再延", workingDays: 2)).StatusCode);
    }

    [Theory]
    [InlineData(CaseAction.FollowUp)]
    [InlineData(CaseAction.ApproveAppeal)]
    [InlineData(CaseAction.RejectCannotFix)]
    [InlineData(CaseAction.ApproveExtension)]
    public async Task Action_NotAllowedInTheState_Returns409(string action)
    {
        var id = await app.OpenCaseAsync();

        var response = await app.Admin.ActAsync(id, action, "说明", satisfaction: 5);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("open", (await app.Admin.GetCaseAsync(id)).Case.State);
    }

    [Fact]
    public async Task Action_AfterTheCaseIsClosed_Returns409()
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.Rectify, "已整改");
        await app.Admin.ActOkAsync(id, CaseAction.FollowUp, satisfaction: 5);

        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin.ActAsync(id, CaseAction.Rectify, "再整改")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin.ActAsync(id, CaseAction.Appeal, "申诉")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Leader, null, CaseAction.Start, null)]
    [InlineData(Roles.Leader, null, CaseAction.ApproveAppeal, CaseAction.Appeal)]
    [InlineData(Roles.DepartmentOfficer, "D01", CaseAction.ApproveAppeal, CaseAction.Appeal)]
    [InlineData(Roles.DepartmentHead, "D01", CaseAction.ApproveCannotFix, CaseAction.RequestCannotFix)]
    [InlineData(Roles.DepartmentOfficer, "D01", CaseAction.ApproveExtension, CaseAction.RequestExtension)]
    [InlineData(Roles.QualityOfficer, null, CaseAction.Appeal, null)]
    [InlineData(Roles.QualityOfficer, null, CaseAction.RequestExtension, null)]
    public async Task Action_ByARoleThatMayNot_Returns403AndChangesNothing(string role, string? department, string action, string? before)
    {
        // The case is in a state that allows the action, so only the role stands in the way.
        var id = await app.OpenCaseAsync();
        if (before is not null)
        {
            await app.Admin.ActOkAsync(id, before, "说明", workingDays: 2);
        }
        var events = (await app.EventActionsAsync(id)).Count;
        using var client = await app.SignedInAsAsync(role, department);

        var response = await client.ActAsync(id, action, "说明", workingDays: 2);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(events, (await app.EventActionsAsync(id)).Count);
    }

    [Fact]
    public async Task Action_WithAReadKey_Returns403ButTheKeyMayRead()
    {
        var id = await app.OpenCaseAsync();

        var act = await app.Reader.ActAsync(id, CaseAction.Start);
        var read = await app.Reader.GetAsync($"/api/cases/{id}", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (act.StatusCode, read.StatusCode));
    }

    [Theory]
    [InlineData(CaseAction.Rectify, "note")]
    [InlineData(CaseAction.Appeal, "note")]
    [InlineData(CaseAction.RequestCannotFix, "note")]
    [InlineData("close_it", "action")]
    [InlineData(null, "action")]
    public async Task Action_MissingOrUnknownInput_Returns400NamingTheField(string? action, string field)
    {
        var id = await app.OpenCaseAsync();

        await AssertProblemAsync(await app.Admin.ActAsync(id, action!, note: "  "), field);
    }

    [Fact]
    public async Task FollowUp_WithoutOrWithBadSatisfaction_Returns400NamingSatisfaction()
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.Rectify, "已整改");

        await AssertProblemAsync(await app.Admin.ActAsync(id, CaseAction.FollowUp), "satisfaction");
        await AssertProblemAsync(await app.Admin.ActAsync(id, CaseAction.FollowUp, satisfaction: 6), "satisfaction");
    }

    [Fact]
    public async Task Action_NoteOfTheMaximumLength_IsKeptWholeInTheLogAndShortenedInTheNotice()
    {
        var note = new string('长', CaseWorkflow.MaxNote);
        var id = await app.OpenCaseAsync();

        var appealed = await app.Admin.ActOkAsync(id, CaseAction.Appeal, note);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Admin.ActOkAsync(id, CaseAction.RejectAppeal, note);

        Assert.Equal(note, appealed.Timeline[^1].Note);
        var bodies = await app.QueryAsync("SELECT body FROM notifications WHERE case_id = $1 AND kind <> 'opened' ORDER BY id", r => r.GetString(0), id);
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(CaseNotices.MaxBody, b.Length));
        Assert.All(bodies, b => Assert.EndsWith("长长…", b));
        await AssertProblemAsync(await app.Admin.ActAsync(id, CaseAction.Rectify, note + "长"), "note");
    }

    [Fact]
    public async Task ApproveExtension_NoteTooLongForTheLogLine_Returns400AndAShorterOneIsKept()
    {
        var id = await app.OpenCaseAsync();
        await app.Admin.ActOkAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: 1);

        await AssertProblemAsync(await app.Admin.ActAsync(id, CaseAction.ApproveExtension, new string('长', CaseWorkflow.MaxNote)), "note");
        var approved = await app.Admin.ActOkAsync(id, CaseAction.ApproveExtension, new string('长', CaseWorkflow.MaxNote - 40));

        Assert.StartsWith("延期 1 个工作日，新期限 ", approved.Timeline[^1].Note);
        Assert.EndsWith(new string('长', CaseWorkflow.MaxNote - 40), approved.Timeline[^1].Note);
    }

    [Fact]
    public async Task Action_TakenByManyAtOnce_HappensOnceAndTheOthersGet409()
    {
        var id = await app.OpenCaseAsync();
        // Real requests never read the same instant; the notices' keys contain it.
        app.Clock.AutoAdvanceAmount = TimeSpan.FromMicroseconds(1);
        HttpResponseMessage[] responses;
        try
        {
            responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Admin.ActAsync(id, CaseAction.Appeal, "同时申诉")));
        }
        finally
        {
            app.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        }

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(["open", "appeal"], await app.EventActionsAsync(id));
        Assert.Equal(2, (await app.NotificationsAsync(id)).Count);
    }

    [Fact]
    public async Task CasesApi_WithoutCredentials_Returns401()
    {
        var id = await app.OpenCaseAsync();

        var list = await app.Anonymous.GetAsync("/api/cases", Ct);
        var one = await app.Anonymous.GetAsync($"/api/cases/{id}", Ct);
        var act = await app.Anonymous.ActAsync(id, CaseAction.Start);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [list.StatusCode, one.StatusCode, act.StatusCode]);
    }

    [Fact]
    public async Task CasesApi_WithAnIngestKey_Returns403()
    {
        var id = await app.OpenCaseAsync();

        var list = await app.Ingest.GetAsync("/api/cases", Ct);
        var act = await app.Ingest.ActAsync(id, CaseAction.Start);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, act.StatusCode));
        Assert.Equal("open", (await app.Admin.GetCaseAsync(id)).Case.State);
    }

    [Fact]
    public async Task GetCase_AllowedActions_DependOnRoleAndState()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);
        using var leader = await app.SignedInAsAsync(Roles.Leader);

        Assert.Equal([CaseAction.Start, CaseAction.Rectify, CaseAction.Appeal, CaseAction.RequestCannotFix, CaseAction.RequestExtension, CaseAction.Note, CaseAction.Assign],
            (await officer.GetCaseAsync(id)).AllowedActions);
        // No extension was asked for, so there is nothing to approve or reject.
        Assert.Equal([CaseAction.Start, CaseAction.Rectify, CaseAction.Note, CaseAction.Assign],
            (await quality.GetCaseAsync(id)).AllowedActions);
        Assert.Empty((await leader.GetCaseAsync(id)).AllowedActions);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync("/api/cases/987654321", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.ActAsync(987654321, CaseAction.Start)).StatusCode);
    }

    private static Task AssertProblemAsync(HttpResponseMessage response, string field) => EvaluationsApiTests.AssertProblemAsync(response, field);
}
