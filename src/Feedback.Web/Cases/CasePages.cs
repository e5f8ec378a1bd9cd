using System.Text;
using Feedback.Web.Accounts;
using Feedback.Web.Evaluations;
using Feedback.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using static System.Net.WebUtility;

namespace Feedback.Web.Cases;

/// <summary>The officers' case list (the case itself is <see cref="CaseDetailPage"/>). Every value from the database is encoded; scripts only tick the countdowns.</summary>
internal static class CasePages
{
    // Counts the remaining seconds down once a second; the server's figure stays correct without it.
    private const string CountdownScript = """
        function fmt(s){var a=Math.abs(s),h=Math.floor(a/3600),m=Math.floor(a%3600/60);return (s<0?'已超期 ':'剩余 ')+(h>0?h+'小时':'')+m+'分'+(h>0?'':Math.floor(a%60)+'秒');}
        var t0=Date.now();setInterval(function(){document.querySelectorAll('[data-left]').forEach(function(e){var s=e.dataset.left-(Date.now()-t0)/1000;e.textContent=fmt(s);e.className=s<0?'late':s<3600?'soon':'';});},1000);
        """;

    public static string List(CasePage page, CasePageContext context)
    {
        var rows = new StringBuilder();
        foreach (var c in page.Items)
        {
            rows.Append($"""
                <tr><td><a href="/cases/{c.Id}">#{c.Id}</a></td><td>{HtmlEncode(c.DepartmentCode)}</td>
                <td>{HtmlEncode(Ratings.Labels[c.Rating])}<br><span class="muted">{HtmlEncode(Shorten(c.Comment))}</span></td>
                <td><span class="badge">{HtmlEncode(c.StateLabel)}</span>{(c.Overdue ? " <span class=\"late\">超期</span>" : "")}</td>
                <td>{Countdown(c, context.Ticks)}</td></tr>
                """);
        }
        var body = $"""
            {Nav(context)}
            <h1>差评整改工单（共 {page.Total} 件）</h1>
            <p><a href="/cases">全部</a> · <a href="/cases?state=open,in_progress">待处理</a> · <a href="/cases?overdue=true">超期</a> ·
            <a href="/cases?state=appealed,cannot_fix_review">待审核</a> · <a href="/cases?state=rectified">待回访</a></p>
            <table><thead><tr><th>工单</th><th>部门</th><th>评价</th><th>状态</th><th>剩余时间</th></tr></thead>
            <tbody>{rows}</tbody></table>
            {(page.Items.Count == 0 ? "<p class=\"muted\">没有符合条件的工单。</p>" : "")}
            """;
        return HtmlPage.Render("差评整改工单", body, wide: true, CountdownScript);
    }

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
