using System.Net;
using System.Net.Http.Json;
using Feedback.Web.ApiKeys;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Tests.Reliability;

/// <summary>
/// While the database is unreachable every endpoint answers 503 with Retry-After, never 500: the API-key lookup, reads,
/// writes (whose words say the rating may or may not be stored) and pages, which show the Chinese error page.
/// </summary>
public sealed class DatabaseUnreachableTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/evaluations")]
    [InlineData("/api/cases")]
    [InlineData("/api/org")]
    public async Task Get_WithAnApiKeyWhileTheDatabaseIsDown_Answers503WithRetryAfter(string path)
    {
        using var client = ClientWithKey();

        using var response = await client.GetAsync(path, Ct);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The database is unreachable; retry shortly.", problem?.Title);
    }

    [Fact]
    public async Task PostRating_WhileTheDatabaseIsDown_Answers503SayingItMayNotHaveBeenStored()
    {
        using var client = ClientWithKey();

        using var response = await client.PostAsJsonAsync("/api/evaluations", new { caseNumber = "BJ1", rating = 5 }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("may not have been stored; retry with the same caseNumber+assessNumber", problem?.Title);
    }

    [Fact]
    public async Task SignInPage_WhileTheDatabaseIsDown_ShowsTheChineseUnavailablePage()
    {
        using var client = app.CreateClient();

        using var form = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = "x" }), Ct);
        using var response = await client.GetAsync("/signin", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.NotEqual(HttpStatusCode.InternalServerError, form.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("服务暂时不可用", html);
    }

    [Fact]
    public async Task Health_WhileTheDatabaseIsDown_IsUnhealthyNamingTheDatabaseCheck()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"name\":\"database\",\"status\":\"Unhealthy\"", body);
    }

    private HttpClient ClientWithKey()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "fb_any_key_the_cache_has_not_seen");
        return client;
    }
}
