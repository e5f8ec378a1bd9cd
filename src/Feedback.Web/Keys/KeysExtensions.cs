using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Keys;

public static class KeysExtensions
{
    /// <summary>
    /// The master key from configuration or a key file, and the database's secrets sealed with it. A wrong or missing
    /// key stops the start with a message naming the setting, before anything is hashed or signed with another key.
    /// </summary>
    public static IHostApplicationBuilder AddKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyOptions>().BindConfiguration("Keys");
        builder.Services.AddSingleton(sp => MasterKeyLoader.Load(
            sp.GetRequiredService<IOptions<KeyOptions>>(), sp.GetRequiredService<IOptions<DatabaseOptions>>(),
            sp.GetRequiredService<FeedbackDatabase>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MasterKey))));
        builder.Services.AddSingleton<SecretStore>();
        builder.Services.AddHostedService<MasterKeyCheck>();
        builder.Services.StartAfterDatabase(s => s.AddHostedService<SecretSealing>());
        return builder;
    }
}

/// <summary>Reads the master key as the server starts: a missing or malformed key stops it at once, saying which setting.</summary>
internal sealed class MasterKeyCheck(IServiceProvider services, ILogger<MasterKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var key = services.GetRequiredService<MasterKey>();
        logger.LogInformation("Master key {Fingerprint} from {Source}", key.Fingerprint, key.Source);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Once the database is ready: seals secrets left in clear by earlier versions or sealed with a previous master key,
/// and encrypts cookie keys stored in clear. A database sealed with another key stops the server.
/// </summary>
internal sealed class SecretSealing(SecretStore secrets, NpgsqlDataSource dataSource, IHostApplicationLifetime lifetime, ILogger<SecretSealing> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sealedAgain = secrets.SealAll();
            var ringKeys = new DatabaseKeyRepository(dataSource).EncryptClearKeys(new KeyRingEncryptor(secrets));
            if (sealedAgain + ringKeys > 0)
                logger.LogWarning("Sealed {Secrets} database secrets and encrypted {RingKeys} cookie keys with the current master key", sealedAgain, ringKeys);
        }
        catch (KeyConfigurationException ex)
        {
            logger.LogCritical("{Problem}", ex.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
