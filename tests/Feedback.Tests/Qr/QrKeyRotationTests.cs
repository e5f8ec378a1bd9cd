using System.Net;
using System.Security.Cryptography;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Qr;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Feedback.Tests.Qr;

/// <summary>Keys from configuration: a new key signs, the old one verifies until it is retired.</summary>
public sealed class QrKeyRotationTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static readonly string OldSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private WebApplicationFactory<Program> WithKeys(bool oldRetired, string signing, bool withNew = true) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Qr:Keys:0:Id", "k1").UseSetting("Qr:Keys:0:Secret", OldSecret).UseSetting("Qr:Keys:0:Retired", oldRetired.ToString());
        if (withNew)
        {
            b.UseSetting("Qr:Keys:1:Id", "k2").UseSetting("Qr:Keys:1:Secret", NewSecret);
        }
        b.UseSetting("Qr:SigningKeyId", signing);
    });

    private static async Task<HttpStatusCode> OpenAsync(WebApplicationFactory<Program> host, string token) =>
        (await QrClient.Phone(host).GetAsync($"/r/{token}", TestContext.Current.CancellationToken)).StatusCode;

    [Fact]
    public async Task Rotation_OldKeyVerifiesUntilRetired_NewKeySigns()
    {
        await using var before = WithKeys(oldRetired: false, signing: "k1", withNew: false);
        var oldToken = await before.SignAsync(QrLink.Poster("W001"));
        await using var during = WithKeys(oldRetired: false, signing: "k2");
        var newToken = await during.SignAsync(QrLink.Poster("W001"));
        await using var after = WithKeys(oldRetired: true, signing: "k2");

        Assert.Equal(HttpStatusCode.OK, await OpenAsync(during, oldToken));
        Assert.Equal(HttpStatusCode.NotFound, await OpenAsync(after, oldToken));
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(after, newToken));
        Assert.Equal(HttpStatusCode.NotFound, await OpenAsync(app, newToken)); // the database key does not know k2
    }
}
