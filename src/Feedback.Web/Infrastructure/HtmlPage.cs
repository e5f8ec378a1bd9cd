using Microsoft.AspNetCore.Antiforgery;
using static System.Net.WebUtility;

namespace Feedback.Web.Infrastructure;

/// <summary>The frame of the officers' pages: small, self-contained HTML with inline CSS. Callers encode every value.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f5f7;color:#222}
        main{max-width:22rem;margin:10vh auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
        main.wide{max-width:60rem;margin:1rem auto}
        h1{font-size:1.3rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.2rem 0 .5rem}label{display:block;margin:.8rem 0 .3rem}
        input,select,textarea{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #bbb;border-radius:4px}
        button{margin-top:1.2rem;width:100%;padding:.7rem;font-size:1rem;border:0;border-radius:4px;background:#1f6feb;color:#fff}
        nav{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:1rem}nav form{margin:0}nav button{margin:0;padding:.2rem .6rem;width:auto}
        table{width:100%;border-collapse:collapse}td,th{padding:.45rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
        .error{color:#b00020;background:#fdecee;padding:.6rem;border-radius:4px}.ok{background:#e7f6ea;padding:.6rem;border-radius:4px}
        .late{color:#b00020;font-weight:600}.soon{color:#b35900;font-weight:600}.muted{color:#666}
        .actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
        .actions form{border:1px solid #e3e3e3;border-radius:6px;padding:.8rem}.actions button{margin-top:.6rem}
        .badge{display:inline-block;padding:.05rem .45rem;border-radius:9px;background:#e8eefc;font-size:.85rem}
        """;

    public static string Token(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{HtmlEncode(tokens.FormFieldName)}\" value=\"{HtmlEncode(tokens.RequestToken)}\">";

    public static string Render(string title, string body, bool wide = false, string? script = null) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlEncode(title)} · 好差评</title>
        <style>{Style}</style>
        </head>
        <body><main{(wide ? " class=\"wide\"" : "")}>
        {body}
        </main>{(script is null ? "" : $"<script>{script}</script>")}</body>
        </html>
        """;

    public static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");
}
