using Microsoft.AspNetCore.Antiforgery;
using static System.Net.WebUtility;

namespace Feedback.Web.Accounts;

/// <summary>The sign-in and start pages: small, self-contained HTML (inline CSS, no scripts). Every value is encoded.</summary>
internal static class AccountPages
{
    private const string Style = """
        body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f5f7;color:#222}
        main{max-width:22rem;margin:10vh auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
        h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem}
        input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #bbb;border-radius:4px}
        button{margin-top:1.2rem;width:100%;padding:.7rem;font-size:1rem;border:0;border-radius:4px;background:#1f6feb;color:#fff}
        .error{color:#b00020;background:#fdecee;padding:.6rem;border-radius:4px}
        """;

    public static string SignIn(AntiforgeryTokenSet tokens, string? returnUrl, string? userName, string? error) => Page("登录", $"""
        <h1>好差评 · 登录</h1>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{HtmlEncode(error)}</p>")}
        <form method="post" action="/signin">
        {Token(tokens)}
        <input type="hidden" name="returnUrl" value="{HtmlEncode(returnUrl ?? "")}">
        <label for="userName">用户名</label>
        <input id="userName" name="userName" autocomplete="username" required value="{HtmlEncode(userName ?? "")}">
        <label for="password">密码</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">登录</button>
        </form>
        """);

    public static string Home(string displayName, string role, AntiforgeryTokenSet tokens) => Page("首页", $"""
        <h1>你好，{HtmlEncode(displayName)}（{HtmlEncode(Roles.Label(role))}）</h1>
        <form method="post" action="/signout">
        {Token(tokens)}
        <button type="submit">退出登录</button>
        </form>
        """);

    private static string Token(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{HtmlEncode(tokens.FormFieldName)}\" value=\"{HtmlEncode(tokens.RequestToken)}\">";

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlEncode(title)} · 好差评</title>
        <style>{Style}</style>
        </head>
        <body><main>
        {body}
        </main></body>
        </html>
        """;
}
