using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using static System.Net.WebUtility;

namespace Feedback.Web.Reports;

/// <summary>The reports page: a card per week with the phone summary as preview, chart thumbnails and the PDF. Every value is encoded.</summary>
internal static class ReportPages
{
    private const string Style = """
        body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f5f7;color:#222}
        main{max-width:70rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.4rem}
        .card{background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002;padding:1rem;margin:1rem 0;display:flex;gap:1rem;flex-wrap:wrap}
        .card img.summary{width:180px;border:1px solid #ddd}.charts img{width:220px;border:1px solid #eee;margin:0 .3rem .3rem 0}
        .notice{background:#e7f3e8;padding:.6rem;border-radius:4px}form{display:inline}button,input{padding:.4rem .7rem;font-size:.95rem}
        """;

    public static string List(IReadOnlyList<ReportRecord> reports, AntiforgeryTokenSet? tokens, string? queued)
    {
        var body = new StringBuilder("<h1>好差评周报</h1>");
        if (ReportWeek.TryParse(queued, out var week))
            body.Append($"<p class=\"notice\" role=\"status\">已提交 {HtmlEncode(week.ToString())} 的生成任务，稍后刷新本页。</p>");
        if (tokens is not null)
            body.Append($"<p>{RenderForm(tokens, null)}</p>");
        if (reports.Count == 0)
            body.Append("<p>暂无周报。</p>");
        foreach (var report in reports)
            body.Append(Card(report, tokens));
        return Page(body.ToString());
    }

    private static string Card(ReportRecord report, AntiforgeryTokenSet? tokens)
    {
        var week = HtmlEncode(report.Week);
        var figures = JsonSerializer.Deserialize<Dictionary<string, double?>>(report.Figures) ?? [];
        var shown = string.Join("　", new[] { Indicators.Total, Indicators.GoodRate, Indicators.Bad, Indicators.RectifyRate }
            .Select(i => $"{HtmlEncode(i.Name)} {HtmlEncode(i.Format(figures.GetValueOrDefault(i.Code)))}"));
        var charts = string.Concat(ReportsApi.FileNames.Where(f => f.EndsWith(".png", StringComparison.Ordinal) && f != ReportRenderer.SummaryName)
            .Select(f => $"<a href=\"/reports/{week}/{f}\"><img src=\"/reports/{week}/{f}\" alt=\"{HtmlEncode(f)}\" loading=\"lazy\"></a>"));
        return $"""
            <section class="card">
            <a href="/reports/{week}/{ReportRenderer.SummaryName}"><img class="summary" src="/reports/{week}/{ReportRenderer.SummaryName}" alt="{week} 摘要" loading="lazy"></a>
            <div>
            <h2>{HtmlEncode(ReportPdf.WeekTitle(ReportWeek.Parse(report.Week)))}</h2>
            <p>{shown}</p>
            <p>生成于 {report.GeneratedAt.ToOffset(ReportWeek.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}（北京时间），共 {report.PageCount} 页</p>
            <p><a href="/reports/{week}/{ReportRenderer.PdfName}">下载 PDF</a> {(tokens is null ? "" : RenderForm(tokens, report.Week))}</p>
            <div class="charts">{charts}</div>
            </div>
            </section>
            """;
    }

    private static string RenderForm(AntiforgeryTokenSet tokens, string? week) => $"""
        <form method="post" action="/reports/render">
        <input type="hidden" name="{HtmlEncode(tokens.FormFieldName)}" value="{HtmlEncode(tokens.RequestToken)}">
        {(week is null ? "<input name=\"week\" placeholder=\"2026-W47\" required aria-label=\"周\">" : $"<input type=\"hidden\" name=\"week\" value=\"{HtmlEncode(week)}\">")}
        <button type="submit">{(week is null ? "生成指定周" : "重新生成")}</button>
        </form>
        """;

    private static string Page(string body) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>周报 · 好差评</title><style>{Style}</style></head>
        <body><main>{body}</main></body>
        </html>
        """;
}
