using Microsoft.Extensions.Options;

namespace Feedback.Web.Data;

/// <summary>
/// Resolves the PostgreSQL server: <c>ConnectionStrings:Feedback</c> when set, otherwise the embedded cluster,
/// started on first use and stopped when the process ends.
/// </summary>
public sealed class FeedbackDatabase(IConfiguration configuration, IOptions<DatabaseOptions> options, ILogger<FeedbackDatabase> logger)
    : IAsyncDisposable
{
    public const string ConnectionStringName = "Feedback";
    private const string EmbeddedDatabaseName = "feedback";

    private readonly Lock _lock = new();
    private string? _connectionString;
    private EmbeddedPostgres? _embedded;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    public string ConnectionString
    {
        get
        {
            lock (_lock)
            {
                return _connectionString ??= Resolve();
            }
        }
    }

    public async Task StopAsync()
    {
        EmbeddedPostgres? embedded;
        lock (_lock)
        {
            (embedded, _embedded, _connectionString) = (_embedded, null, null);
        }
        if (embedded is not null)
        {
            await embedded.StopAsync();
            logger.LogInformation("Embedded PostgreSQL stopped");
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private string Resolve()
    {
        if (!IsEmbedded)
        {
            return configuration.GetConnectionString(ConnectionStringName)!;
        }
        var directory = options.Value.EmbeddedDataDirectory;
        _embedded = EmbeddedPostgres.StartAsync(directory, options.Value.BinDirectory).GetAwaiter().GetResult();
        _embedded.CreateDatabaseIfMissingAsync(EmbeddedDatabaseName).GetAwaiter().GetResult();
        logger.LogInformation("Embedded PostgreSQL on 127.0.0.1:{Port}, data in {Directory}", _embedded.Port, _embedded.DataDirectory);
        return _embedded.ConnectionString(EmbeddedDatabaseName);
    }
}
