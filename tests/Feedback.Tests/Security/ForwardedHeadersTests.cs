using System.Net;
using System.Text.RegularExpressions;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Security;

/// <summary>
/// Behind a reverse proxy that terminates HTTPS: a configured proxy's X-Forwarded-Proto makes cookies Secure and its
/// X-Forwarded-For is the client's address; the same headers from any other peer change nothing.
/// </summary>
public sealed partial class ForwardedHeadersTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "203.0.113.7";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThroughAConfiguredProxyOverHttps_CookiesAreSecure_RedirectsStayOnTheSite_AndTheClientsAddressCounts()
    {
        await Browser.CreateUserAsync(app, "proxy.user", Roles.Leader);
        await using var host = Behind(peer: Proxy);
        using var client = Open(host);

        var (antiforgery, token) = await SignInFormAsync(client);
        var wrong = await PostSignInAsync(client, antiforgery, token, "proxy.user", "wrong password");
        var failedFrom = await FailureAddressesAsync("proxy.user");
        var signIn = await PostSignInAsync(client, antiforgery, token, "proxy.user", Browser.Password);
        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/cases"), Ct);

        Assert.Contains("secure", antiforgery.Attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("secure", AuthCookie(signIn).Attributes, StringComparer.OrdinalIgnoreCase);
        // Redirects are paths: the browser stays on the https address it used, whatever the proxy forwards.
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.StartsWith("/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal([Client], failedFrom);
    }

    [Fact]
    public async Task FromAPeerThatIsNotAConfiguredProxy_TheForwardedHeadersAreIgnored()
    {
        await Browser.CreateUserAsync(app, "direct.user", Roles.Leader);
        await using var host = Behind(peer: "198.51.100.9");
        using var client = Open(host);

        var (antiforgery, token) = await SignInFormAsync(client);
        await PostSignInAsync(client, antiforgery, token, "direct.user", "wrong password");

        Assert.DoesNotContain("secure", antiforgery.Attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["198.51.100.9"], await FailureAddressesAsync("direct.user"));
    }

    private sealed record SetCookie(string Pair, string[] Attributes);

    /// <summary>The app with <see cref="Proxy"/> configured as its proxy, reached from <paramref name="peer"/>.</summary>
    private WebApplicationFactory<Program> Behind(string peer) => app.WithWebHostBuilder(b => b
        .UseSetting("Proxy:KnownProxies:0", Proxy)
        .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(peer)))));

    private static HttpClient Open(WebApplicationFactory<Program> host) =>
        // Cookies by hand: a cookie container would hold back Secure cookies from the test server's http:// address.
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", Client);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static async Task<(SetCookie Antiforgery, string Token)> SignInFormAsync(HttpClient client)
    {
        var form = await client.SendAsync(Forwarded(HttpMethod.Get, "/signin"), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var cookie = Cookies(form).Single(c => c.Pair.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        return (cookie, WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value));
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, SetCookie antiforgery, string token, string name, string password)
    {
        var request = Forwarded(HttpMethod.Post, "/signin", antiforgery.Pair);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = name, ["password"] = password, ["returnUrl"] = "",
        });
        return await client.SendAsync(request, Ct);
    }

    private static SetCookie AuthCookie(HttpResponseMessage response) =>
        Cookies(response).Single(c => c.Pair.StartsWith("feedback.auth=", StringComparison.Ordinal));

    private static List<SetCookie> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';', StringSplitOptions.TrimEntries)).Select(p => new SetCookie(p[0], p[1..])).ToList()
            : [];

    private async Task<List<string>> FailureAddressesAsync(string userName)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT address FROM sign_in_failures WHERE user_name = $1", connection) { Parameters = { new() { Value = userName } } };
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var addresses = new List<string>();
        while (await reader.ReadAsync(Ct))
            addresses.Add(reader.GetString(0));
        return addresses;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The TCP peer of every request, as a proxy or a client on the network would be: the test server has none.</summary>
    private sealed class PeerAddress(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
