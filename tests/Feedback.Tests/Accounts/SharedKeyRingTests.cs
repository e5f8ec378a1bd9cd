using System.Net;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Feedback.Tests.Accounts;

/// <summary>Several service processes on one database: a sign-in made on one is accepted by the others.</summary>
public sealed class SharedKeyRingTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cookie_FromOneServiceInstance_IsAcceptedByAnotherOnTheSameDatabase()
    {
        await Browser.CreateUserAsync(app, "wang.wu", Roles.Leader, displayName: "王五");
        using var first = Browser.Open(app);
        var signIn = await first.SignInAsync("wang.wu", Browser.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("feedback.auth=", StringComparison.Ordinal)).Split(';')[0];
        await using var second = app.WithWebHostBuilder(_ => { });
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);

        var home = await other.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("你好，王五", await home.Content.ReadAsStringAsync(Ct));
        // On one machine both instances could also share the default key folder; the database is what other machines share.
        Assert.True(await KeysInDatabaseAsync() > 0);
    }

    private async Task<long> KeysInDatabaseAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
