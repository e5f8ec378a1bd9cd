using Feedback.Tests.Infrastructure;
using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Feedback.Web.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Tests.Keys;

/// <summary>Where the master key comes from, and what it does to the secrets in app_secrets: seal, keep, rotate, refuse.</summary>
public sealed class MasterKeyTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"feedback-keys-{Guid.NewGuid():N}");
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(app.ConnectionString);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _dataSource.Dispose();
        TestPostgres.TryDelete(_directory);
    }

    [Fact]
    public void TheEmbeddedDefault_CreatesAKeyFileBesideTheClusterDirectory_ReadableByItsOwnerOnly()
    {
        var cluster = Path.Combine(_directory, "data", "postgres");

        var first = Load(new KeyOptions(), embeddedDirectory: cluster);
        var again = Load(new KeyOptions(), embeddedDirectory: cluster);

        var file = Path.Combine(_directory, "data", "feedback.key");
        Assert.Equal(file, first.Source);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.False(Directory.Exists(cluster)); // the cluster's own directory holds no key
        Assert.Equal(first.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void AConfiguredDatabaseWithoutAKey_StopsTheStart_NamingTheSettings()
    {
        var refused = Assert.Throws<KeyConfigurationException>(() => Load(new KeyOptions(), connectionString: app.ConnectionString));

        Assert.Contains("Keys__File", refused.Message);
        Assert.Contains("Keys__Master", refused.Message);
    }

    [Fact]
    public void AConfiguredDatabaseWithAKeyFilePath_CreatesTheFileThere()
    {
        var file = Path.Combine(_directory, "etc", "master.key");

        var key = Load(new KeyOptions { File = file }, connectionString: app.ConnectionString);

        Assert.Equal(file, key.Source);
        Assert.Equal(key.Fingerprint, Load(new KeyOptions { Master = File.ReadAllText(file).Trim() }).Fingerprint);
    }

    [Fact]
    public async Task AServerOnAConfiguredDatabaseWithoutAKey_StopsWithOneLineNamingTheSettings()
    {
        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}"], Ct,
            new Dictionary<string, string> { ["Keys__Master"] = "" });

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ConnectionStrings:Feedback is set but no master key is", result.Error);
        Assert.Contains("Keys__File", result.Error);
    }

    [Fact]
    public async Task AServerWithAnotherKeyThanTheDatabases_StopsInsteadOfHashingWithIt()
    {
        var result = await WebProcess.RunToolAsync(app.ConnectionString, ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}"], Ct,
            new Dictionary<string, string> { ["Keys__Master"] = TestKeys.NewKey(), ["Logging__LogLevel__Default"] = "Information" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sealed with master key", result.Output + result.Error);
    }

    [Fact]
    public async Task AValueStoredInClearByAnEarlierVersion_KeepsItsValue_AndIsStoredSealed()
    {
        var clear = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await InsertAsync("test-legacy", clear);

        var read = Store(TestKeys.Master).Get("test-legacy");

        Assert.Equal(clear, read);
        var stored = await StoredAsync("test-legacy");
        Assert.NotEqual(32, stored.Length);
        Assert.False(stored.AsSpan().IndexOf(clear) >= 0);
    }

    [Fact]
    public async Task AfterAMasterKeyRotation_SecretsKeepTheirValues_SealedWithTheNewKey_AndTheOldKeyAloneIsRefused()
    {
        // A database of its own: a rotation seals every row of app_secrets.
        await using var dataSource = NpgsqlDataSource.Create(await KeyTables.CreateAsync());
        var oldKey = TestKeys.NewKey();
        var newKey = TestKeys.NewKey();
        var value = new SecretStore(dataSource, MasterKeyOf(oldKey)).Get("test-rotation");

        var resealed = new SecretStore(dataSource, MasterKeyOf(newKey, previous: oldKey)).SealAll();

        Assert.Equal(1, resealed);
        Assert.Equal(value, new SecretStore(dataSource, MasterKeyOf(newKey)).Get("test-rotation"));
        var refused = Assert.Throws<KeyConfigurationException>(() => new SecretStore(dataSource, MasterKeyOf(oldKey)).Get("test-rotation"));
        Assert.Contains(MasterKeyOf(newKey).Fingerprint, refused.Message);
        Assert.Contains("Keys__Previous__0", refused.Message);
    }

    [Fact]
    public async Task ASealedValueMovedToAnotherName_DoesNotOpen()
    {
        Store(TestKeys.Master).Get("test-moved-from");
        await InsertAsync("test-moved-to", await StoredAsync("test-moved-from"));

        Assert.Throws<KeyConfigurationException>(() => Store(TestKeys.Master).Get("test-moved-to"));
    }

    private NpgsqlDataSource DataSource => _dataSource;

    private SecretStore Store(string key) => new(DataSource, MasterKeyOf(key));

    private static MasterKey MasterKeyOf(string key, string? previous = null) =>
        Load(new KeyOptions { Master = key, Previous = previous is null ? [] : [previous] });

    private static MasterKey Load(KeyOptions options, string? connectionString = null, string embeddedDirectory = "data/postgres")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Feedback"] = connectionString }).Build();
        var database = Options.Create(new DatabaseOptions { EmbeddedDataDirectory = embeddedDirectory });
        var feedbackDatabase = new FeedbackDatabase(configuration, database, NullLogger<FeedbackDatabase>.Instance);
        return MasterKeyLoader.Load(Options.Create(options), database, feedbackDatabase, NullLogger.Instance);
    }

    private async Task InsertAsync(string name, byte[] value)
    {
        await using var command = DataSource.CreateCommand("INSERT INTO app_secrets (name, value) VALUES ($1, $2)");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<byte[]> StoredAsync(string name)
    {
        await using var command = DataSource.CreateCommand("SELECT value FROM app_secrets WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        return (byte[])(await command.ExecuteScalarAsync(Ct))!;
    }
}
