using System.Net;
using System.Security.Cryptography;
using System.Text;
using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Tests.Keys;
using Feedback.Tests.Qr;
using Feedback.Web.Accounts;
using Feedback.Web.Keys;
using Feedback.Web.Qr;
using Feedback.Web.Tracking;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Security;

/// <summary>
/// Issue 15, finding 2: a dump of a running service's database, restored without the key file, recovers no phone
/// number, mints no rating or tracking link and no cookie the service accepts, and opens no protected payload. Each
/// attack is first shown to work with the service's real keys, so a failure here is the key's doing, not the attack's.
/// </summary>
public sealed class DatabaseDumpTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private const string ProtectedPurpose = "Feedback.ContactPhone";
    private const string CookiePurpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";
    private static readonly string[] Phones = ["13800138000", "13912345678", "18655501234"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADumpRestoredWithoutTheKey_RecoversNoPhone_MintsNoLinkOrCookie_AndOpensNoProtectedPayload()
    {
        var evidence = await UseTheServiceAsync();
        var restored = await DumpAndRestoreAsync();
        await using var dump = NpgsqlDataSource.Create(restored);
        var secrets = await SecretValuesAsync(dump);
        var hashes = await PhoneHashesAsync(dump);

        // Phones: the 10⁴ tries recover every number with the real key, none with anything the dump holds.
        var realKey = app.Services.GetRequiredService<SecretStore>().Get(SecretStore.PhoneHashKey);
        Assert.Equal(Phones.Length, hashes.Count(h => Recover(h.Masked, h.Hash, realKey) is not null));
        Assert.DoesNotContain(hashes, h => secrets.Any(key => Recover(h.Masked, h.Hash, key) is not null));

        // Rating and tracking links signed with what the dump holds are refused by the service.
        var phone = QrClient.Phone(app);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/r/{evidence.PosterToken}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(evidence.TrackingPath, Ct)).StatusCode);
        foreach (var key in secrets)
        {
            var poster = QrToken.Encode(QrLink.Poster("W001"), QrKeyRing.DatabaseKeyId, key);
            var tracking = TrackingToken.Encode(evidence.Reference, DateTimeOffset.UtcNow.AddDays(1), QrKeyRing.DatabaseKeyId, key);
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/r/{poster}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/t/{tracking}", Ct)).StatusCode);
        }

        // The key ring in the dump is ciphertext: no payload opens, and a cookie minted from it is refused.
        Assert.All(await KeyRingEncryptionTests.KeyRowsAsync(restored), xml => Assert.DoesNotContain("requiresEncryption", xml));
        var realProvider = app.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal(Phones[0], realProvider.CreateProtector(ProtectedPurpose).Unprotect(evidence.ProtectedPhone));
        Assert.Equal(HttpStatusCode.OK, await HomeWithCookieAsync(Mint(realProvider, evidence.User)));
        var otherKey = new SecretStore(dump, new MasterKey(RandomNumberGenerator.GetBytes(32), [], "attacker"));
        using (var withoutKey = KeyRingEncryptionTests.Ring(dump, secrets: null))
        {
            var provider = withoutKey.GetRequiredService<IDataProtectionProvider>();
            Assert.ThrowsAny<CryptographicException>(() => provider.CreateProtector(ProtectedPurpose).Unprotect(evidence.ProtectedPhone));
            Assert.NotEqual(HttpStatusCode.OK, await HomeWithCookieAsync(Mint(provider, evidence.User)));
        }
        using (var withAnotherKey = KeyRingEncryptionTests.Ring(dump, otherKey))
        {
            var provider = withAnotherKey.GetRequiredService<IDataProtectionProvider>();
            Assert.ThrowsAny<Exception>(() => provider.CreateProtector(ProtectedPurpose).Unprotect(evidence.ProtectedPhone));
        }

        // A service given the dump and a key of its own refuses to start rather than hash and sign with it.
        Assert.Throws<KeyConfigurationException>(() => otherKey.SealAll());
    }

    private sealed record Evidence(string PosterToken, string TrackingPath, long Reference, string ProtectedPhone, User User);

    /// <summary>Ratings with phones, a poster, a tracking link, a sign-in and a protected payload: what a centre's database holds.</summary>
    private async Task<Evidence> UseTheServiceAsync()
    {
        long lastId = 0;
        foreach (var number in Phones)
        {
            var caseNumber = TestRatings.NewCaseNumber();
            var body = TestRatings.Valid(caseNumber).With("rater", new { phone = number });
            Assert.Equal(HttpStatusCode.Created, (await app.Ingest.PostRatingAsync(body)).StatusCode);
            lastId = await IdOfAsync(caseNumber);
        }
        var tracking = await app.Services.GetRequiredService<TrackingLinks>().ForAsync(lastId, Ct);
        var reference = await app.Services.GetRequiredService<TrackingReference>().ToReferenceAsync(lastId, Ct);
        var user = await Browser.CreateUserAsync(app, "dump.leader", Roles.Leader);
        using var browser = await Browser.SignedInAsync(app, "dump.leader");
        var protectedPhone = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectedPurpose).Protect(Phones[0]);
        return new(await app.SignAsync(QrLink.Poster("W001")), tracking.Path, reference, protectedPhone, user);
    }

    private async Task<string> DumpAndRestoreAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"feedback-dump-{Guid.NewGuid():N}.dump");
        try
        {
            await PgTools.DumpAsync(app.ConnectionString, file, Ct);
            var restored = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync("restored");
            await PgTools.RestoreAsync(file, restored, Ct);
            return restored;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The hidden digits of a masked number, tried all 10⁴ ways with <paramref name="key"/>; null if none matches.</summary>
    private static string? Recover(string masked, byte[] hash, byte[] key)
    {
        for (var digits = 0; digits < 10_000; digits++)
        {
            var candidate = masked.Replace("****", digits.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(candidate)).AsSpan().SequenceEqual(hash))
                return candidate;
        }
        return null;
    }

    private static string Mint(IDataProtectionProvider provider, User user)
    {
        var format = new TicketDataFormat(provider.CreateProtector(CookiePurpose, AccountsExtensions.CookieScheme, "v2"));
        return format.Protect(new AuthenticationTicket(UserPrincipal.Create(user), AccountsExtensions.CookieScheme));
    }

    private async Task<HttpStatusCode> HomeWithCookieAsync(string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{AccountsExtensions.CookieName}={cookie}");
        return (await client.SendAsync(request, Ct)).StatusCode;
    }

    private async Task<long> IdOfAsync(string caseNumber)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT id FROM evaluations WHERE case_number = $1", connection) { Parameters = { new() { Value = caseNumber } } };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<byte[]>> SecretValuesAsync(NpgsqlDataSource dump)
    {
        await using var command = dump.CreateCommand("SELECT value FROM app_secrets");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<byte[]>();
        while (await reader.ReadAsync(Ct))
            values.Add((byte[])reader[0]);
        Assert.NotEmpty(values);
        return values;
    }

    private static async Task<List<(string Masked, byte[] Hash)>> PhoneHashesAsync(NpgsqlDataSource dump)
    {
        await using var command = dump.CreateCommand("SELECT rater_phone_masked, rater_phone_hash FROM evaluations WHERE rater_phone_hash IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string, byte[])>();
        while (await reader.ReadAsync(Ct))
            rows.Add((reader.GetString(0), (byte[])reader[1]));
        Assert.Equal(Phones.Length, rows.Count);
        return rows;
    }
}
