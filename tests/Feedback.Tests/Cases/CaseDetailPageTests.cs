using System.Net;
using System.Net.Http.Json;
using Feedback.Tests.Accounts;
using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Notifications;
using static Feedback.Tests.Cases.CasePageKit;

namespace Feedback.Tests.Cases;

/// <summary>The case page (/cases/{id}): only the steps open now, pending requests, the follow-up, the theme, notes and print.</summary>
public sealed class CaseDetailPageTests(CasesApp app) : IClassFixture<CasesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExtensionDecisions_OnlyWithAPendingRequest_AndApprovingFromThePageMovesTheDeadline()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "李专员");
        using var quality = await app.PersonAsync(Roles.QualityOfficer);
        var before = await quality.Browser.PageAsync(id);
        var dueBefore = (await app.Admin.GetCaseAsync(id)).Case.DueAt;

        var requested = await officer.Browser.ActOnPageAsync(id, CaseAction.RequestExtension, "需调取历史档案", ("workingDays", "2"));
        var officerPage = await officer.Browser.PageAsync(id);
        var review = await quality.Browser.PageAsync(id);
        var approved = await quality.Browser.ActOnPageAsync(id, CaseAction.ApproveExtension);
        var after = await quality.Browser.PageAsync(id);

        Assert.DoesNotContain($"value=\"{CaseAction.ApproveExtension}\"", before);
        Assert.DoesNotContain($"value=\"{CaseAction.RejectExtension}\"", before);
        AssertRedirect(requested, $"/cases/{id}?done=true");
        Assert.DoesNotContain($"value=\"{CaseAction.RequestExtension}\"", officerPage);
        Assert.Contains("延期申请待审核：2 个工作日", officerPage);
        Assert.Contains("等待中心质量专员审核", officerPage);
        var decision = Section(review, "div", "decision");
        Assert.Contains($"value=\"{CaseAction.ApproveExtension}\"", decision);
        Assert.Contains($"value=\"{CaseAction.RejectExtension}\"", decision);
        Assert.Contains("需调取历史档案", review);
        Assert.Contains("李专员（部门专员）", review);
        AssertRedirect(approved, $"/cases/{id}?done=true");
        var extended = (await app.Admin.GetCaseAsync(id)).Case;
        Assert.Equal((1, (short?)null), (extended.Extensions, extended.RequestedExtensionDays));
        Assert.True(extended.DueAt > dueBefore);
        Assert.DoesNotContain($"value=\"{CaseAction.ApproveExtension}\"", after);
        Assert.Contains("（已延期 1 次）", after);
    }

    [Fact]
    public async Task PendingAppeal_ShowsTheReasonAndWhoAsked_AndTheDepartmentOnlyWaits()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "赵专员");
        using var quality = await app.PersonAsync(Roles.QualityOfficer);
        await officer.Browser.ActOnPageAsync(id, CaseAction.Appeal, "评价人当天并未来办理业务");

        var officerPage = await officer.Browser.PageAsync(id);
        var review = await quality.Browser.PageAsync(id);

        Assert.Contains("申诉待审核", officerPage);
        Assert.Contains("评价人当天并未来办理业务", officerPage);
        Assert.DoesNotContain($"value=\"{CaseAction.ApproveAppeal}\"", officerPage);
        Assert.DoesNotContain($"value=\"{CaseAction.Appeal}\"", officerPage);
        var decision = Section(review, "div", "decision");
        Assert.Contains($"value=\"{CaseAction.ApproveAppeal}\"", decision);
        Assert.Contains($"value=\"{CaseAction.RejectAppeal}\"", decision);
        Assert.Contains("赵专员（部门专员）", review);
    }

    [Fact]
    public async Task FollowUpForm_HasNoPreselectedScore_AndWithoutAChoiceIsRefused()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        await officer.Browser.ActOnPageAsync(id, CaseAction.Rectify, "已补办");
        var page = await officer.Browser.PageAsync(id);

        var refused = await officer.Browser.ActOnPageAsync(id, CaseAction.FollowUp, "", ("satisfaction", ""));
        var done = await officer.Browser.ActOnPageAsync(id, CaseAction.FollowUp, "", ("satisfaction", "3"));

        Assert.Contains("<select id=\"satisfaction\" name=\"satisfaction\" required><option value selected>请选择…</option><option value=\"5\">非常满意</option>", page);
        Assert.Equal(1, Count(page, " selected>"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请选择群众对整改结果的满意度。", await refused.Content.ReadAsStringAsync(Ct));
        AssertRedirect(done, $"/cases/{id}?done=true");
        Assert.Equal((short?)3, (await app.Admin.GetCaseAsync(id)).FollowUpSatisfaction);
    }

    [Fact]
    public async Task ThemeCorrection_FromThePage_IsKeptWithWhoAndShown()
    {
        var id = await app.OpenCaseAsync(comment: "窗口人员态度很差，问了三遍都不理人");
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "钱专员");
        using var leader = await app.PersonAsync(Roles.Leader);
        using var stranger = await app.PersonAsync(Roles.DepartmentOfficer, "D02");
        var before = await officer.Browser.PageAsync(id);

        var corrected = await officer.Browser.PostCaseFormAsync(id, "theme", new Dictionary<string, string> { ["theme"] = "queue" });
        var empty = await officer.Browser.PostCaseFormAsync(id, "theme", new Dictionary<string, string> { ["theme"] = "" });
        var after = await officer.Browser.PageAsync(id);
        var byLeader = await leader.Browser.PostCaseFormAsync(id, "theme", new Dictionary<string, string> { ["theme"] = "attitude" });

        Assert.Contains($"action=\"/cases/{id}/theme\"", before);
        Assert.Contains("<select id=\"theme\" name=\"theme\" required><option value>请选择…</option>", before);
        AssertRedirect(corrected, $"/cases/{id}?done=theme");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请选择一个投诉主题。", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Contains("已更正投诉主题。", await officer.Browser.GetStringAsync($"/cases/{id}?done=theme", Ct));
        Assert.Contains("<strong>排队等候</strong>", Field(after, "投诉主题"));
        Assert.Contains("已人工更正", after);
        Assert.Contains("由 钱专员 于", after);
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.DoesNotContain($"action=\"/cases/{id}/theme\"", await leader.Browser.PageAsync(id));
        var evaluation = (await app.Admin.GetCaseAsync(id)).Evaluation;
        Assert.Equal(("queue", "queue"), (evaluation.Theme!.Code, evaluation.Theme.CorrectedTheme));
        Assert.Equal([officer.User.UserName], await app.QueryAsync("SELECT corrected_by FROM theme_corrections WHERE evaluation_id = $1", r => r.GetString(0), evaluation.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.PostAsync($"/cases/{id}/theme",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["theme"] = "queue", ["__RequestVerificationToken"] = await stranger.Browser.FormTokenAsync("/inbox") }), Ct)).StatusCode);
    }

    [Fact]
    public async Task InternalNote_IsInTheTimelineMarkedInternal_NotInTheReplyAndTellsNobody()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        var before = await officer.Browser.PageAsync(id);

        var noted = await officer.Browser.ActOnPageAsync(id, CaseAction.Note, "已电话联系，群众下午再来");
        await officer.Browser.ActOnPageAsync(id, CaseAction.Rectify, "已为您补办，并对窗口人员进行了批评教育");
        var page = await officer.Browser.PageAsync(id);
        var detail = await app.Admin.GetCaseAsync(id);

        Assert.Contains("<label for=\"note-rectify\">给群众的整改答复（必填）</label>", before);
        AssertRedirect(noted, $"/cases/{id}?done=note");
        var line = Section(page, "tr", "internal");
        Assert.Contains("已电话联系，群众下午再来", line);
        Assert.Contains("<span class=\"badge internal\">内部</span>", line);
        var reply = Field(page, "给群众的整改答复");
        Assert.Contains("已为您补办，并对窗口人员进行了批评教育", reply);
        Assert.DoesNotContain("已电话联系", reply);
        Assert.Equal("已为您补办，并对窗口人员进行了批评教育", detail.ReplyNote);
        Assert.Equal(("note", "open", "open"), detail.Timeline.Where(e => e.Action == CaseAction.Note).Select(e => (e.Action, e.FromState!, e.ToState)).Single());
        Assert.DoesNotContain(await app.NotificationsAsync(id), n => n.StartsWith("note", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assignment_ByTheHead_SetsTheAssigneeWritesTheAuditLineAndTellsOnlyThatPerson()
    {
        var id = await app.OpenCaseAsync();
        using var head = await app.PersonAsync(Roles.DepartmentHead, "D01", "周主任");
        using var chosen = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "吴承办");
        using var colleague = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "郑同事");
        using var quality = await app.PersonAsync(Roles.QualityOfficer);
        using var admin = await app.PersonAsync(Roles.Admin);
        var form = await head.Browser.PageAsync(id);

        var assigned = await head.Browser.ActOnPageAsync(id, CaseAction.Assign, "", ("assigneeId", chosen.User.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await app.DeliverAsync();

        Assert.Contains($"<option value=\"{chosen.User.Id}\">吴承办（部门专员）</option>", form);
        Assert.Contains($"<option value=\"{colleague.User.Id}\">郑同事（部门专员）</option>", form);
        AssertRedirect(assigned, $"/cases/{id}?done=assign");
        Assert.Equal([chosen.User.Id], await app.QueryAsync("SELECT assignee_id FROM cases WHERE id = $1", r => r.GetInt32(0), id));
        var line = (await app.Admin.GetCaseAsync(id)).Timeline[^1];
        Assert.Equal((CaseAction.Assign, head.User.UserName, "吴承办"), (line.Action, line.Actor, line.Note));
        Assert.Equal(new CaseAssigneeResponse(chosen.User.Id, "吴承办"), (await app.Admin.GetCaseAsync(id)).Assignee);
        var message = Assert.Single(await AssignMessagesAsync(chosen, id));
        Assert.Contains("周主任 将该差评工单指派给 吴承办 承办", message.Body);
        foreach (var other in new[] { head, colleague, quality, admin })
        {
            Assert.Empty(await AssignMessagesAsync(other, id));
        }
        Assert.Contains("<strong>吴承办</strong>", Field(await chosen.Browser.PageAsync(id), "承办人"));
    }

    [Fact]
    public async Task Assignment_AnOfficerTakesTheCaseThemselves_ButCannotAssignOthers()
    {
        var id = await app.OpenCaseAsync();
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "孙专员");
        using var other = await app.PersonAsync(Roles.DepartmentOfficer, "D01");
        using var head = await app.PersonAsync(Roles.DepartmentHead, "D01");
        using var elsewhere = await app.PersonAsync(Roles.DepartmentOfficer, "D02");
        var before = await officer.Browser.PageAsync(id);

        var forOther = await officer.Browser.ActOnPageAsync(id, CaseAction.Assign, "", ("assigneeId", other.User.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var taken = await officer.Browser.ActOnPageAsync(id, CaseAction.Assign);
        var after = await officer.Browser.PageAsync(id);
        var again = await officer.Browser.ActAsync(id, CaseAction.Assign);
        var toElsewhere = await head.Browser.ActOnPageAsync(id, CaseAction.Assign, "", ("assigneeId", elsewhere.User.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("我来承办", before);
        AssertRedirect(taken, $"/cases/{id}?done=assign");
        Assert.Contains("<strong>孙专员</strong>", Field(after, "承办人"));
        Assert.DoesNotContain("我来承办", after);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Contains("部门专员只能自己承办", await forOther.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, toElsewhere.StatusCode);
        Assert.Contains("承办人须为本工单所属部门在岗的部门专员或部门负责人", await toElsewhere.Content.ReadAsStringAsync(Ct));
        Assert.Equal([officer.User.Id], await app.QueryAsync("SELECT assignee_id FROM cases WHERE id = $1", r => r.GetInt32(0), id));
        // Taking a case oneself needs no message.
        Assert.DoesNotContain(await app.NotificationsAsync(id), n => n.StartsWith("assign", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintView_HasNoFormsOrNavigation_AndEverythingAPaperFileNeeds()
    {
        var id = await app.OpenCaseAsync(comment: "材料清单和网上不一致");
        using var officer = await app.PersonAsync(Roles.DepartmentOfficer, "D01", "冯专员");
        await officer.Browser.ActOnPageAsync(id, CaseAction.Note, "内部核实记录");
        await officer.Browser.ActOnPageAsync(id, CaseAction.Rectify, "已更新网上材料清单");
        await officer.Browser.UploadAsync(id, "更新后的清单.pdf", EvidenceSamples.Pdf(), "application/pdf");

        var print = await officer.Browser.GetStringAsync($"/cases/{id}/print", Ct);
        var query = await officer.Browser.GetStringAsync($"/cases/{id}?print=true", Ct);

        Assert.Equal(print, query);
        Assert.DoesNotContain("<form", print);
        Assert.DoesNotContain("<nav", print);
        Assert.Contains("<body class=\"print\">", print);
        foreach (var text in new[] { $"差评整改工单 #{id}", "非常不满意", "材料清单和网上不一致", "已更新网上材料清单", "内部核实记录", "更新后的清单.pdf", "冯专员", "处理记录", "收到差评", "上传整改佐证" })
        {
            Assert.Contains(text, print);
        }
    }

    private static async Task<List<InboxItem>> AssignMessagesAsync(Person person, long caseId) =>
        [.. (await person.Browser.GetFromJsonAsync<InboxResponse>("/api/inbox", Ct))!.Items.Where(m => m.CaseId == caseId && m.Kind == CaseAction.Assign)];

    [Fact]
    public async Task BidiOverridesAndZeroWidthCharactersInAComment_AreShownAsMarks_AndKeptAsTyped()
    {
        // Shown raw, the override would make the line read "服务很好差评" backwards from the mark on.
        const string comment = "服务很好\u202E评差\u202C\u200B，\u2066隔离\u2069\uFEFF";
        var id = await app.OpenCaseAsync(comment: comment);
        using var quality = await app.PersonAsync(Roles.QualityOfficer);

        // As the browser reads it: entities decoded (the encoder writes "+" as &#x2B;, and could write a mark as &#x202E;).
        var page = WebUtility.HtmlDecode(await quality.Browser.PageAsync(id));

        Assert.Contains("服务很好[U+202E]评差[U+202C][U+200B]，[U+2066]隔离[U+2069][U+FEFF]", page);
        // Ordinal: a culture-aware search ignores these characters and would find them anywhere.
        Assert.DoesNotContain("\u202E", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2066", page, StringComparison.Ordinal);
        Assert.Equal(comment, (await app.Admin.GetCaseAsync(id)).Evaluation.Comment);
    }
}
