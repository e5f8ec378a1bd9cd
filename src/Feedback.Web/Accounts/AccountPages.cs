using Microsoft.AspNetCore.Antiforgery;
using Feedback.Web.Infrastructure;
using static System.Net.WebUtility;

namespace Feedback.Web.Accounts;

/// <summary>The sign-in and start pages: small, self-contained HTML (inline CSS, no scripts). Every value is encoded.</summary>
internal static class AccountPages
{
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
        <p><a href="/cases">差评整改工单</a> · <a href="/inbox">消息</a></p>
        <form method="post" action="/signout">
        {Token(tokens)}
        <button type="submit">退出登录</button>
        </form>
        """);

    private static string Token(AntiforgeryTokenSet tokens) => HtmlPage.Token(tokens);

    private static string Page(string title, string body) => HtmlPage.Render(title, body);
}
