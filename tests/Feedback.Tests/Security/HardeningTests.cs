using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Feedback.Tests.Accounts;
using Feedback.Tests.Cases;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Organization;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;
using Feedback.Web.Qr;

namespace Feedback.Tests.Security;

/// <summary>The findings of the outside probe (issue 15), each as the probe sent it: refused with 4xx, never a 500, never the union of rights.</summary>
public sealed class HardeningTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/signin")]
    [InlineData("/api/org")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    [InlineData("/assets/none.css")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var response = await app.Anonymous.GetAsync(path, Ct);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self' 'sha256-", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task CookieAndApiKeyTogether_AreRefused_NotTheUnionOfRights()
    {
        await Browser.CreateUserAsync(app, "mixed.d01", Roles.DepartmentOfficer, "D01");
        var d01 = await Browser.SignedInAsync(app, "mixed.d01");
        var key = app.Ingest.DefaultRequestHeaders.GetValues(ApiKeyAuthenticationHandler.HeaderName).Single();
        var d02Case = await app.OpenCaseAsync("D02");

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/cases?limit=500") { Headers = { { ApiKeyAuthenticationHandler.HeaderName, key } } };
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{d02Case}") { Headers = { { ApiKeyAuthenticationHandler.HeaderName, key } } };
        var listed = await d01.SendAsync(list, Ct);
        var read = await d01.SendAsync(other, Ct);
        var alone = await d01.GetAsync($"/api/cases/{d02Case}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
        Assert.Contains(ApiKeyAuthenticationHandler.HeaderName, await listed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, alone.StatusCode);
    }

    [Theory]
    [InlineData("/api/evaluations?caseNumber=a%00b", "caseNumber")]
    [InlineData("/api/cases?department=D0%001", "department")]
    [InlineData("/api/cases?state=%1b[31m", "state")]
    public async Task ControlCharactersInTheQuery_Are400NamingTheField(string path, string field)
    {
        var response = await app.Reader.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task ControlCharacterOnAPage_IsTheChinese400Page()
    {
        await Browser.CreateUserAsync(app, "nul.quality", Roles.QualityOfficer);
        var quality = await Browser.SignedInAsync(app, "nul.quality");

        var list = await quality.GetAsync("/cases?q=%00", Ct);
        var negative = await quality.GetAsync("/cases?offset=-1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Contains("lang=\"zh-CN\"", await list.Content.ReadAsStringAsync(Ct));
        Assert.True((int)negative.StatusCode < 500, $"/cases?offset=-1 answered {(int)negative.StatusCode}");
    }

    [Fact]
    public async Task NulPostedToTheRatingFormOrSignOut_Is400_NotAnUnhandledAntiforgeryError()
    {
        var token = await app.SignAsync(QrLink.Poster("W001", "S001"));
        var phone = QrClient.Phone(app);

        var rating = await phone.PostAsync($"/r/{token}", new FormUrlEncodedContent([new("x", "\0")]), Ct);
        var signOut = await phone.PostAsync("/signout", new FormUrlEncodedContent([new("x", "\0")]), Ct);
        var noToken = await phone.PostAsync($"/r/{token}", new FormUrlEncodedContent([new("assess", "1")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, rating.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("lang=\"zh-CN\"", await noToken.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task EscapedNulInAJsonField_Is400NamingIt_AndNothingIsWritten()
    {
        var id = await app.OpenCaseAsync();
        using var content = new StringContent("""{"action":"note","note":"核实\u0000记录"}""", Encoding.UTF8, "application/json");

        var response = await app.Admin.PostAsync($"/api/cases/{id}/actions", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM case_events WHERE case_id = $1 AND note LIKE '核实%'", id));
    }

    [Fact]
    public async Task DuplicateJsonKeys_Are400_AndNoCaseIsOpened()
    {
        var caseNumber = TestRatings.NewCaseNumber();
        var body = $$"""{"caseNumber":"{{caseNumber}}","channel":"qr","rating":4,"rating":1,"departmentCode":"D01","windowCode":"W001"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await app.Ingest.PostAsync("/api/evaluations", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM evaluations WHERE case_number = $1", caseNumber));
    }

    [Fact]
    public async Task SignInWithAChineseReturnPath_RedirectsThere_PercentEncoded()
    {
        await Browser.CreateUserAsync(app, "return.path", Roles.Leader);
        var client = Browser.Open(app);

        var response = await client.SignInAsync("return.path", Browser.Password, "/报告");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/%E6%8A%A5%E5%91%8A", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignInRedirect_IsAPath_NotBuiltFromTheHostHeader()
    {
        var client = Browser.Open(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cases") { Headers = { Host = "evil.example" } };

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("same-site", null)]
    [InlineData(null, "http://evil.example")]
    public async Task SignedInChangeFromAnotherSite_Is403(string? fetchSite, string? origin)
    {
        await Browser.CreateUserAsync(app, $"csrf.{fetchSite ?? "origin"}", Roles.QualityOfficer);
        var person = await Browser.SignedInAsync(app, $"csrf.{fetchSite ?? "origin"}");
        var id = await app.OpenCaseAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/actions")
        {
            Content = JsonContent.Create(new { action = "note", note = "from elsewhere" }),
        };
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (origin is not null)
            request.Headers.Add("Origin", origin);

        var response = await person.SendAsync(request, Ct);
        var ownPage = await person.ActAsync(id, "note", "from our own page");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Equal(0, await app.ScalarAsync("SELECT count(*) FROM case_events WHERE case_id = $1 AND note = 'from elsewhere'", id));
    }

    [Theory]
    [InlineData("/hangfire/js")]
    [InlineData("/hangfire/css")]
    [InlineData("/hangfire/stats")]
    public async Task DashboardPathsWithoutTheirSuffix_AreNot500(string path)
    {
        await Browser.CreateUserAsync(app, $"dash{path.Length}{path[^1]}", Roles.Admin);
        var admin = await Browser.SignedInAsync(app, $"dash{path.Length}{path[^1]}");

        var response = await admin.GetAsync(path, Ct);

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("{0}=")]
    [InlineData("{0}==")]
    [InlineData(" {0}")]
    [InlineData("{0}%20")]
    [InlineData("{0}%0A")]
    public async Task RatingToken_SpelledAnyOtherWay_IsNotAccepted(string spelling)
    {
        var token = await app.SignAsync(QrLink.Poster("W001", "S001"));
        var phone = QrClient.Phone(app);

        var original = await phone.GetAsync($"/r/{token}", Ct);
        var respelled = await phone.GetAsync($"/r/{string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, token)}", Ct);

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.True(respelled.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{spelling}: {(int)respelled.StatusCode}");
    }
}
