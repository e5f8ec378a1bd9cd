using System.Net;
using System.Text.RegularExpressions;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Accounts;

/// <summary>A client that keeps cookies and does not follow redirects, like a person's browser seen one step at a time.</summary>
public static partial class Browser
{
    public const string Password = "correct horse battery";

    public static HttpClient Open(FeedbackApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<User> CreateUserAsync(FeedbackApp app, string name, string role, string? department = null, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        return await users.CreateAsync(new NewUser(name, displayName ?? name, role, department, Password), TestContext.Current.CancellationToken);
    }

    /// <summary>Reads the antiforgery token from a page's form.</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string path = "/signin")
    {
        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string name, string password, string? returnUrl = null)
    {
        var token = await client.FormTokenAsync();
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = name,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "",
        }), TestContext.Current.CancellationToken);
    }

    public static async Task<HttpClient> SignedInAsync(FeedbackApp app, string name)
    {
        var client = Open(app);
        var response = await client.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
