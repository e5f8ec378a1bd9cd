using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Cases.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Cases;

/// <summary>
/// The deadline sweep against a real database with a fake clock, in calendar time with the default reminders
/// (50 %, 75 %, 1 h before) and the escalation at the deadline. Every sweep is run twice: alerts happen once.
/// </summary>
public sealed class DeadlineSweepTests(CasesApp app) : IClassFixture<CasesApp>
{
    private const string Opened = "opened -> inbox:department_officer:D01";
    private const string Reminder = "reminder -> inbox:department_officer:D01";
    private static readonly string[] Escalated = ["escalated -> inbox:department_head:D01", "escalated -> inbox:quality_officer"];

    [Fact]
    public async Task Sweep_Reminders_EachSentOnceAtItsTimeThenTheEscalation()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();

        await SweepAtAsync(opened.AddHours(12).AddSeconds(-1));
        var beforeFirst = await app.AlertsAsync(id);
        foreach (var hours in new[] { 12, 18, 23, 24, 30 })
        {
            await SweepAtAsync(opened.AddHours(hours));
        }

        Assert.Empty(beforeFirst);
        Assert.Equal(
            [("remind-50%", false, opened.AddHours(12)), ("remind-75%", false, opened.AddHours(18)), ("remind-1h", false, opened.AddHours(23)), ("escalate", false, opened.AddHours(24))],
            (await app.AlertsAsync(id)).Select(a => (a.Kind, a.Skipped, a.ScheduledAt)));
        Assert.Equal([Opened, Reminder, Reminder, Reminder, .. Escalated], await app.NotificationsAsync(id));
        Assert.Equal(["open", "escalate"], await app.EventActionsAsync(id));
        var detail = await app.Admin.GetCaseAsync(id);
        Assert.Equal(opened.AddHours(24), detail.Case.EscalatedAt);
        Assert.True(detail.Case.Overdue);
        Assert.Equal("open", detail.Case.State);
        Assert.Equal(("escalate", "system", "open", "open"), (detail.Timeline[^1].Action, detail.Timeline[^1].Actor, detail.Timeline[^1].FromState, detail.Timeline[^1].ToState));
        Assert.Equal(["remind-50%", "remind-75%", "remind-1h", "escalate"], detail.Alerts.Select(a => a.Kind));
        Assert.DoesNotContain(detail.Alerts, a => a.Skipped);
        Assert.Null(await app.NextAlertAtAsync(id));
    }

    [Fact]
    public async Task CasePage_AfterAGap_ShowsTheEscalationAndTheSkippedReminders()
    {
        var id = await app.OpenCaseAsync();
        await SweepAtAsync(app.Clock.GetUtcNow().AddHours(25));
        using var officer = await app.SignedInAsAsync(Roles.DepartmentOfficer, "D01");

        var page = await officer.GetStringAsync($"/cases/{id}", TestContext.Current.CancellationToken);

        Assert.Contains("提醒与督办", page);
        Assert.Contains("超期督办", page);
        Assert.Contains("整改提醒（50%）", page);
        Assert.Contains("已被后续提醒取代，未发送", page);
    }

    [Fact]
    public async Task Sweep_Escalation_ReachesTheHeadsAndQualityOfficersInboxes()
    {
        var id = await app.OpenCaseAsync();
        await SweepAtAsync(app.Clock.GetUtcNow().AddHours(25));
        await app.DeliverAsync();
        using var head = await app.SignedInAsAsync(Roles.DepartmentHead, "D01");
        using var otherHead = await app.SignedInAsAsync(Roles.DepartmentHead, "D02");
        using var quality = await app.SignedInAsAsync(Roles.QualityOfficer);

        var headMessages = await head.GetStringAsync("/inbox", TestContext.Current.CancellationToken);
        var otherMessages = await otherHead.GetStringAsync("/inbox", TestContext.Current.CancellationToken);
        var qualityMessages = await quality.GetStringAsync("/inbox", TestContext.Current.CancellationToken);

        Assert.Contains($"工单 #{id} 超期督办", headMessages);
        Assert.Contains($"工单 #{id} 超期督办", qualityMessages);
        Assert.DoesNotContain($"工单 #{id} ", otherMessages);
    }

    [Fact]
    public async Task Sweep_AfterTheCaseIsRectified_SendsNothingMore()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();
        await SweepAtAsync(opened.AddHours(12));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Admin.ActOkAsync(id, CaseAction.Rectify, "已整改");

        await SweepAtAsync(opened.AddHours(18));
        await SweepAtAsync(opened.AddHours(48));

        Assert.Equal(["remind-50%"], (await app.AlertsAsync(id)).Select(a => a.Kind));
        Assert.Equal([Opened, Reminder], await app.NotificationsAsync(id));
        Assert.Null((await app.Admin.GetCaseAsync(id)).Case.EscalatedAt);
        Assert.Null(await app.NextAlertAtAsync(id));
    }

    [Fact]
    public async Task Sweep_AfterALongGap_SendsOnlyTheEscalationAndRecordsTheRemindersAsSkipped()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();

        await SweepAtAsync(opened.AddHours(30));

        Assert.Equal(
            [("remind-50%", true), ("remind-75%", true), ("remind-1h", true), ("escalate", false)],
            (await app.AlertsAsync(id)).Select(a => (a.Kind, a.Skipped)));
        Assert.Equal([Opened, .. Escalated], await app.NotificationsAsync(id));
        Assert.Equal(opened.AddHours(30), (await app.Admin.GetCaseAsync(id)).Case.EscalatedAt);
    }

    [Fact]
    public async Task Sweep_GapOverTwoReminders_SendsTheLaterOnly()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();

        await SweepAtAsync(opened.AddHours(20));
        await SweepAtAsync(opened.AddHours(23));

        Assert.Equal([("remind-50%", true), ("remind-75%", false), ("remind-1h", false)], (await app.AlertsAsync(id)).Select(a => (a.Kind, a.Skipped)));
        Assert.Equal([Opened, Reminder, Reminder], await app.NotificationsAsync(id));
    }

    [Fact]
    public async Task Sweep_WhileAppealed_IsSilentAndARejectionAfterTheDeadlineEscalatesAtTheNextSweep()
    {
        var (id, opened) = await OpenAndAppealAnHourLaterAsync();

        await SweepAtAsync(opened.AddHours(12));
        await SweepAtAsync(opened.AddHours(30));
        var whileAppealed = await app.AlertsAsync(id);
        await app.Admin.ActOkAsync(id, CaseAction.RejectAppeal, "驳回");
        await SweepAtAsync(opened.AddHours(30).AddSeconds(10));

        Assert.Empty(whileAppealed);
        Assert.Equal([("escalate", false)], (await app.AlertsAsync(id)).Select(a => (a.Kind, a.Skipped)));
        Assert.Equal(Escalated, (await app.NotificationsAsync(id)).Where(n => n.StartsWith("escalated", StringComparison.Ordinal)));
        Assert.Equal(opened.AddHours(30).AddSeconds(10), (await app.Admin.GetCaseAsync(id)).Case.EscalatedAt);
    }

    [Fact]
    public async Task Sweep_AppealRejectedBeforeTheDeadline_ResumesWithTheNextReminderNotTheMissedOne()
    {
        var (id, opened) = await OpenAndAppealAnHourLaterAsync();
        app.Clock.Advance(TimeSpan.FromHours(12));
        await app.Admin.ActOkAsync(id, CaseAction.RejectAppeal, "驳回");

        await SweepAtAsync(opened.AddHours(13).AddMinutes(1));
        var afterRejection = await app.AlertsAsync(id);
        await SweepAtAsync(opened.AddHours(18));

        Assert.Empty(afterRejection);
        Assert.Equal([("remind-75%", false)], (await app.AlertsAsync(id)).Select(a => (a.Kind, a.Skipped)));
    }

    [Fact]
    public async Task Sweep_AfterAnApprovedExtension_AlertsForTheNewDeadlineOnly()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();
        await app.Admin.ActOkAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: 1);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var extended = await app.Admin.ActOkAsync(id, CaseAction.ApproveExtension);
        var newDue = extended.Case.DueAt;
        var expected = app.Services.GetRequiredService<CaseSchedule>().Alerts(opened, newDue);

        await SweepAtAsync(opened.AddHours(24));
        var atOldDeadline = (await app.Admin.GetCaseAsync(id)).Case;
        foreach (var alert in expected)
        {
            await SweepAtAsync(alert.At);
        }

        Assert.True(newDue > opened.AddHours(24));
        Assert.Null(atOldDeadline.EscalatedAt);
        Assert.Equal(["remind-50%", "remind-75%", "remind-1h", "escalate"], expected.Select(a => a.Kind));
        var alerts = await app.AlertsAsync(id);
        Assert.Equal(expected.Select(a => (a.Kind, false, a.At, newDue)), alerts.Select(a => (a.Kind, a.Skipped, a.ScheduledAt, a.DueAt)));
        Assert.Equal(newDue, (await app.Admin.GetCaseAsync(id)).Case.EscalatedAt);
    }

    [Fact]
    public async Task Sweep_ExtensionApprovedAfterTheEscalation_AlertsAndEscalatesAgainForTheNewDeadline()
    {
        // Requested in time, approved only after the deadline passed and the case was escalated.
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();
        await app.Admin.ActOkAsync(id, CaseAction.RequestExtension, "需调取档案", workingDays: 1);
        await SweepAtAsync(opened.AddHours(24));
        app.Clock.Advance(TimeSpan.FromHours(6));
        var approvedAt = app.Clock.GetUtcNow();
        var extended = await app.Admin.ActOkAsync(id, CaseAction.ApproveExtension);
        var newDue = extended.Case.DueAt;
        var ahead = app.Services.GetRequiredService<CaseSchedule>().Alerts(opened, newDue).Where(a => a.At > approvedAt).ToList();

        foreach (var alert in ahead)
        {
            await SweepAtAsync(alert.At);
        }

        Assert.True(newDue > approvedAt.AddHours(12));
        Assert.Equal(CaseSchedule.Escalation, ahead[^1].Kind);
        var alerts = await app.AlertsAsync(id);
        Assert.Equal([("escalate", opened.AddHours(24))], alerts.Where(a => a.DueAt < newDue && !a.Skipped).Select(a => (a.Kind, a.DueAt)));
        Assert.Equal(ahead.Select(a => (a.Kind, false, a.At)), alerts.Where(a => a.DueAt == newDue).Select(a => (a.Kind, a.Skipped, a.ScheduledAt)));
        Assert.Equal([.. Escalated, .. Escalated], (await app.NotificationsAsync(id)).Where(n => n.StartsWith("escalated", StringComparison.Ordinal)));
        var detail = (await app.Admin.GetCaseAsync(id)).Case;
        Assert.Equal(opened.AddHours(24), detail.EscalatedAt);
        Assert.Null(await app.NextAlertAtAsync(id));
    }

    [Fact]
    public async Task Sweep_SeveralAtOnce_SendEachAlertOnce()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await app.OpenCaseAsync());
        }
        app.Clock.Advance(TimeSpan.FromHours(12));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SweepAsync()));

        foreach (var id in ids)
        {
            Assert.Equal(["remind-50%"], (await app.AlertsAsync(id)).Select(a => a.Kind));
            Assert.Equal([Opened, Reminder], await app.NotificationsAsync(id));
        }
    }

    [Fact]
    public async Task RequestExtension_AfterTheDeadline_Returns409()
    {
        var id = await app.OpenCaseAsync();
        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var response = await app.Admin.ActAsync(id, CaseAction.RequestExtension, "来不及了", workingDays: 1);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
    }

    private Task SweepAtAsync(DateTimeOffset at) => app.SweepTwiceAtAsync(at);

    private async Task<(long Id, DateTimeOffset Opened)> OpenAndAppealAnHourLaterAsync()
    {
        var id = await app.OpenCaseAsync();
        var opened = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Admin.ActOkAsync(id, CaseAction.Appeal, "恶意差评");
        return (id, opened);
    }
}

/// <summary>Working-time deadlines: only 09:00–17:00 on workdays count, so weekends and holidays stop the clock.</summary>
public sealed class WorkingTimeSweepTests(WorkingTimeSweepTests.WorkingTimeApp app) : IClassFixture<WorkingTimeSweepTests.WorkingTimeApp>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Sweep_InWorkingTime_SkipsTheMidAutumnHolidayAndTheWeekend()
    {
        // Wednesday 23 September 2026, 16:00; 25–27 September are the Mid-Autumn holiday and weekend.
        var id = await app.OpenCaseAsync();
        var detail = await app.Admin.GetCaseAsync(id);
        var alertsOnTheHoliday = await SweepAndReadAsync(id, Local(9, 25, 12));
        var alertsJustBefore = await SweepAndReadAsync(id, Local(9, 28, 11, 59));
        var alerts = new List<string>();
        foreach (var at in new[] { Local(9, 28, 12), Local(9, 29, 10), Local(9, 29, 15), Local(9, 29, 16) })
        {
            alerts = await SweepAndReadAsync(id, at);
        }

        // 1 h on Wednesday, 8 on Thursday, 8 on Monday, 7 on Tuesday.
        Assert.Equal(Local(9, 29, 16), detail.Case.DueAt);
        Assert.Equal(24 * 3600, detail.Case.RemainingSeconds);
        Assert.Empty(alertsOnTheHoliday);
        Assert.Empty(alertsJustBefore);
        Assert.Equal(["remind-50%@09-28 12:00", "remind-75%@09-29 10:00", "remind-1h@09-29 15:00", "escalate@09-29 16:00"], alerts);
    }

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    private async Task<List<string>> SweepAndReadAsync(long id, DateTimeOffset at)
    {
        await app.SweepTwiceAtAsync(at);
        return (await app.AlertsAsync(id)).Where(a => !a.Skipped).Select(a => $"{a.Kind}@{a.ScheduledAt.ToOffset(Beijing):MM-dd HH:mm}").ToList();
    }

    public sealed class WorkingTimeApp() : CasesApp(new DateTimeOffset(2026, 9, 23, 16, 0, 0, TimeSpan.FromHours(8)))
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Deadlines:Mode", "WorkingTime")];
    }
}

/// <summary>A sweep whose batches are smaller than the due cases goes on until all are handled.</summary>
public sealed class SmallBatchSweepTests(SmallBatchSweepTests.SmallBatchApp app) : IClassFixture<SmallBatchSweepTests.SmallBatchApp>
{
    [Fact]
    public async Task Sweep_MoreDueCasesThanABatch_HandlesThemAllInOneRun()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await app.OpenCaseAsync());
        }
        app.Clock.Advance(TimeSpan.FromHours(25));

        var result = await app.SweepAsync();

        Assert.Equal((5, 5, 15), (result.Cases, result.Escalations, result.Skipped));
        foreach (var id in ids)
        {
            Assert.NotNull((await app.Admin.GetCaseAsync(id)).Case.EscalatedAt);
        }
    }

    public sealed class SmallBatchApp : CasesApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Cases:SweepBatchSize", "2")];
    }
}
