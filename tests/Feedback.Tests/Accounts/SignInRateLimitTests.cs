using System.Net;
using Feedback.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Feedback.Tests.Accounts;

public sealed class SignInRateLimitTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    [Fact]
    public async Task SignIn_MoreAttemptsPerMinuteThanAllowed_Returns429()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Accounts:SignInAttemptsPerMinute", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync($"someone{i}", "wrong password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
