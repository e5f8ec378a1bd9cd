using System.Net;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;

namespace Feedback.Tests.Accounts;

public sealed class SignInTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WithRightPassword_SetsCookieAndHomeGreetsUser()
    {
        await Browser.CreateUserAsync(app, "zhang.san", Roles.QualityOfficer, displayName: "张三");
        using var client = Browser.Open(app);

        var response = await client.SignInAsync("zhang.san", Browser.Password);
        var home = await client.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("feedback.auth=", StringComparison.Ordinal) && c.Contains("httponly"));
        Assert.Contains("你好，张三（中心质量专员）", home);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_ShowSameMessage()
    {
        await Browser.CreateUserAsync(app, "li.si", Roles.Leader);
        using var client = Browser.Open(app);

        var wrongPassword = await (await client.SignInAsync("li.si", "wrong password")).Content.ReadAsStringAsync(Ct);
        var unknownUser = await (await client.SignInAsync("nobody", "wrong password")).Content.ReadAsStringAsync(Ct);

        Assert.Contains("用户名或密码错误", wrongPassword);
        Assert.Contains("用户名或密码错误", unknownUser);
        Assert.Contains("<form method=\"post\" action=\"/signin\">", unknownUser);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedEvenWithRightPassword()
    {
        await Browser.CreateUserAsync(app, "wang.wu", Roles.DepartmentOfficer, "D01");
        using var client = Browser.Open(app);
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("wang.wu", "wrong password");
        }

        var response = await client.SignInAsync("wang.wu", Browser.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"登录失败次数过多，请于 \d{2}:\d{2} 后重试", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PostSignIn_WithoutAntiforgeryToken_Returns400()
    {
        await Browser.CreateUserAsync(app, "zhao.liu", Roles.Admin);
        using var client = Browser.Open(app);

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "zhao.liu",
            ["password"] = Browser.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/hangfire", "/hangfire")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public async Task SignIn_WithReturnUrl_RedirectsOnlyWithinSite(string returnUrl, string expected)
    {
        var name = $"return.{Guid.NewGuid():N}";
        await Browser.CreateUserAsync(app, name, Roles.Leader);
        using var client = Browser.Open(app);

        var response = await client.SignInAsync(name, Browser.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Home_WithScriptInDisplayName_EscapesIt()
    {
        await Browser.CreateUserAsync(app, "xss", Roles.Leader, displayName: "<script>alert(1)</script>");
        using var client = await Browser.SignedInAsync(app, "xss");

        var home = await client.GetStringAsync("/", Ct);

        Assert.DoesNotContain("<script>", home);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", home);
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToSignIn()
    {
        using var client = Browser.Open(app);

        var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsSession()
    {
        await Browser.CreateUserAsync(app, "sun.qi", Roles.DepartmentHead, "D02");
        using var client = await Browser.SignedInAsync(app, "sun.qi");
        var token = await client.FormTokenAsync("/");

        var response = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }), Ct);
        var home = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignOut_ACopyOfTheCookieKeptElsewhere_IsRefusedToo()
    {
        await Browser.CreateUserAsync(app, "copied.cookie", Roles.QualityOfficer);
        using var person = Browser.Open(app);
        var signIn = await person.SignInAsync("copied.cookie", Browser.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsExtensions.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        var before = await copy.GetAsync("/cases", Ct);

        await person.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await person.FormTokenAsync("/"),
        }), Ct);
        var after = await copy.GetAsync("/cases", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithoutToken_Returns400()
    {
        await Browser.CreateUserAsync(app, "zhou.ba", Roles.Leader);
        using var client = await Browser.SignedInAsync(app, "zhou.ba");

        var response = await client.PostAsync("/signout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
