using Feedback.Tests.Accounts;
using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Feedback.Tests.Keys;

/// <summary>The cookie key ring is stored encrypted; rings an earlier version stored in clear are encrypted in place.</summary>
public sealed class KeyRingEncryptionTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private const string Purpose = "Feedback.Test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryStoredCookieKey_HoldsItsSecretEncrypted()
    {
        await Browser.CreateUserAsync(app, "ring.user", Roles.Leader);
        using var browser = await Browser.SignedInAsync(app, "ring.user");

        var rows = await KeyRowsAsync(app.ConnectionString);

        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("requiresEncryption", xml);
            Assert.Contains(typeof(KeyRingDecryptor).FullName!, xml);
        });
    }

    [Fact]
    public async Task AKeyStoredInClearByAnEarlierVersion_IsEncryptedInPlace_AndStillOpensWhatItProtected()
    {
        var connectionString = await KeyTables.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        string payload;
        using (var earlier = Ring(dataSource, secrets: null))
            payload = earlier.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("13800138000");
        Assert.Contains("requiresEncryption", Assert.Single(await KeyRowsAsync(connectionString)));

        var master = new MasterKey(Convert.FromBase64String(TestKeys.Master), [], "test");
        var encrypted = new DatabaseKeyRepository(dataSource).EncryptClearKeys(new KeyRingEncryptor(new SecretStore(dataSource, master)));

        Assert.Equal(1, encrypted);
        Assert.DoesNotContain("requiresEncryption", Assert.Single(await KeyRowsAsync(connectionString)));
        using var now = Ring(dataSource, new SecretStore(dataSource, master));
        Assert.Equal("13800138000", now.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
        var otherMaster = new MasterKey(Convert.FromBase64String(TestKeys.NewKey()), [], "other");
        using var other = Ring(dataSource, new SecretStore(dataSource, otherMaster));
        Assert.ThrowsAny<Exception>(() => other.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
    }

    /// <summary>The app's key ring over <paramref name="dataSource"/>; without a secret store, the ring of an earlier version (no encryption).</summary>
    internal static ServiceProvider Ring(NpgsqlDataSource dataSource, SecretStore? secrets)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(dataSource);
        if (secrets is null)
        {
            services.AddDataProtection().SetApplicationName("feedback");
            services.Configure<KeyManagementOptions>(k => k.XmlRepository = new DatabaseKeyRepository(dataSource));
        }
        else
        {
            services.AddSingleton(secrets).AddKeyRing();
        }
        return services.BuildServiceProvider();
    }

    internal static async Task<List<string>> KeyRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
            rows.Add(reader.GetString(0));
        return rows;
    }
}
