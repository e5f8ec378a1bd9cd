using System.Text;
using Feedback.Web.Accounts;
using Feedback.Web.Evaluations;
using Feedback.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using static System.Net.WebUtility;

namespace Feedback.Web.Cases;

/// <summary>The officers' case pages. Every value from the database is encoded; scripts only tick the countdowns.</summary>
internal static class CasePages
{
    // Counts the remaining seconds down once a second; the server's figure stays correct without it.
    private const string CountdownScript = """
        function fmt(s){var a=Math.abs(s),h=Math.floor(a/3600),m=Math.floor(a%3600/60);return (s<0?'已超期 ':'剩余 ')+(h>0?h+'小时':'')+m+'分'+(h>0?'':Math.floor(a%60)+'秒');}
        var t0=Date.now();setInterval(function(){document.querySelectorAll('[data-left]').forEach(function(e){var s=e.dataset.left-(Date.now()-t0)/1000;e.textContent=fmt(s);e.className=s<0?'late':s<3600?'soon':'';});},1000);
        """;

    public static string Detail(CaseDetail detail, CasePageContext context, string? error, bool done)
    {
        var c = detail.Case;
        var e = detail.Evaluation;
        var body = $"""
            {Nav(context)}
            <h1>工单 #{c.Id} <span class="badge">{HtmlEncode(c.StateLabel)}</span>{(c.Overdue ? " <span class=\"late\">超期</span>" : "")}</h1>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{HtmlEncode(error)}</p>")}{(done ? "<p class=\"ok\">已保存。</p>" : "")}
            <table>
            <tr><th>评价</th><td>{HtmlEncode(e.RatingLabel)}（{HtmlEncode(string.Join("、", e.ReasonCodes.Select(r => ReasonCodes.Labels.GetValueOrDefault(r, $"{r}"))))}）</td></tr>
            <tr><th>评价内容</th><td>{HtmlEncode(e.Comment ?? "（无）")}</td></tr>
            <tr><th>部门 / 窗口 / 人员</th><td>{HtmlEncode($"{e.DepartmentCode} / {e.WindowCode ?? "-"} / {e.StaffCode ?? "-"}")}</td></tr>
            <tr><th>评价人</th><td>{HtmlEncode(e.Rater.Anonymous ? "匿名" : $"{e.Rater.Name} {e.Rater.PhoneMasked}")}</td></tr>
            <tr><th>收到时间</th><td>{context.Local(c.OpenedAt):yyyy-MM-dd HH:mm}</td></tr>
            <tr><th>反馈期限</th><td>{context.Local(c.DueAt):yyyy-MM-dd HH:mm} {Countdown(c, context.Ticks)}</td></tr>
            {(c.RequestedExtensionDays is { } days ? $"<tr><th>延期申请</th><td>{days} 个工作日，待审核</td></tr>" : "")}
            {(detail.ReplyNote is null ? "" : $"<tr><th>整改反馈</th><td>{HtmlEncode(detail.ReplyNote)}</td></tr>")}
            {(detail.FollowUpSatisfaction is { } s ? $"<tr><th>回访满意度</th><td>{HtmlEncode(Ratings.Labels[s])}</td></tr>" : "")}
            </table>
            {Actions(c.Id, detail.AllowedActions, context)}
            <h2>处理记录</h2>
            <table><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>状态</th><th>说明</th></tr></thead><tbody>
            {string.Concat(detail.Timeline.Select(e => Event(e, context)))}
            </tbody></table>
            {Alerts(detail.Alerts, context)}
            """;
        return HtmlPage.Render($"工单 #{c.Id}", body, wide: true, CountdownScript);
    }

    private static string Actions(long id, IReadOnlyList<string> allowed, CasePageContext context)
    {
        if (allowed.Count == 0)
            return "";
        var forms = allowed.Select(name => CaseAction.Find(name)!).Select(a => $"""
            <form method="post" action="/cases/{id}/actions">{HtmlPage.Token(context.Tokens)}
            <input type="hidden" name="action" value="{HtmlEncode(a.Name)}"><strong>{HtmlEncode(a.Label)}</strong>
            {Fields(a, context.MaxExtensionDays)}
            <button type="submit">{HtmlEncode(a.Label)}</button></form>
            """);
        return $"<h2>操作</h2><div class=\"actions\">{string.Concat(forms)}</div>";
    }

    private static string Fields(CaseAction action, int maxExtensionDays)
    {
        var note = $"<label>说明{(action.NeedsNote ? "（必填）" : "")}</label><textarea name=\"note\" rows=\"2\" maxlength=\"{CaseWorkflow.MaxNote}\"{(action.NeedsNote ? " required" : "")}></textarea>";
        return action.Name switch
        {
            CaseAction.FollowUp => note + "<label>群众对整改结果的满意度</label><select name=\"satisfaction\" required>"
                + string.Concat(Ratings.Labels.Select(l => $"<option value=\"{l.Key}\">{HtmlEncode(l.Value)}</option>")) + "</select>",
            CaseAction.RequestExtension => note + $"<label>延期工作日数</label><input name=\"workingDays\" type=\"number\" min=\"1\" max=\"{maxExtensionDays}\" required>",
            _ => note,
        };
    }

    private static string Event(CaseEventResponse e, CasePageContext context) =>
        $"<tr><td>{context.Local(e.At):MM-dd HH:mm}</td><td>{HtmlEncode(e.Actor)}<br><span class=\"muted\">{HtmlEncode(Roles.Label(e.ActorRole))}</span></td>"
        + $"<td>{HtmlEncode(CaseAction.Find(e.Action)?.Label ?? ActionLabel(e.Action))}</td><td>{HtmlEncode(CaseStates.Label(e.ToState))}</td><td>{HtmlEncode(e.Note ?? "")}</td></tr>";

    private static string Alerts(IReadOnlyList<CaseAlertResponse> alerts, CasePageContext context)
    {
        if (alerts.Count == 0)
            return "";
        var rows = alerts.Select(a => $"<tr><td>{context.Local(a.HandledAt):MM-dd HH:mm}</td><td>{HtmlEncode(AlertLabel(a.Kind))}</td>"
            + $"<td>{(a.Skipped ? "<span class=\"muted\">已被后续提醒取代，未发送</span>" : "已发送")}</td></tr>");
        return $"<h2>提醒与督办</h2><table><tbody>{string.Concat(rows)}</tbody></table>";
    }

    // The kind names its point (remind-50%, remind-1h): shown as 整改提醒（50%）.
    private static string AlertLabel(string kind) =>
        kind == Deadlines.CaseSchedule.Escalation ? "超期督办" : $"整改提醒（{kind.Replace("remind-", "", StringComparison.Ordinal)}）";

    private static string ActionLabel(string action) => action switch
    {
        CaseOpener.OpenAction => "收到差评",
        Deadlines.CaseSchedule.Escalation => "超期督办",
        _ => action,
    };

    private static string Countdown(CaseSummary c, bool ticks)
    {
        if (c.RemainingSeconds is not { } left)
            return "<span class=\"muted\">已停止计时</span>";
        var span = TimeSpan.FromSeconds(Math.Abs(left));
        var text = $"{(left < 0 ? "已超期 " : "剩余 ")}{(span.TotalHours >= 1 ? $"{(int)span.TotalHours}小时" : "")}{span.Minutes}分";
        var css = left < 0 ? "late" : left < 3600 ? "soon" : "";
        var tick = ticks ? $" data-left=\"{Math.Round(left)}\"" : "";
        return $"<span class=\"{css}\"{tick}>{text}</span>";
    }

    private static string Nav(CasePageContext context) => $"""
        <nav><a href="/">首页</a><a href="/cases">工单</a><a href="/inbox">消息{(context.Unread > 0 ? $"（{context.Unread}）" : "")}</a>
        <span class="muted">{HtmlEncode(context.Actor.Name)} · {HtmlEncode(Roles.Label(context.Actor.Role))}{(context.Actor.DepartmentCode is { } d ? $" · {HtmlEncode(d)}" : "")}</span>
        <form method="post" action="/signout">{HtmlPage.Token(context.Tokens)}<button type="submit">退出</button></form></nav>
        """;

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
