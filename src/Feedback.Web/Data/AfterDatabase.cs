namespace Feedback.Web.Data;

/// <summary>
/// A hosted service that needs the database (job server, schedules, notices) started only once
/// <see cref="DatabaseInitializer.Ready"/>, so that a server started while PostgreSQL is down waits instead of failing.
/// </summary>
internal sealed class AfterDatabase(IServiceProvider services, Func<IServiceProvider, IHostedService> create) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;
    private IHostedService? _inner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = StartInnerAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _starting;
        }
        catch (OperationCanceledException)
        {
        }
        if (_inner is not null)
            await _inner.StopAsync(cancellationToken);
    }

    private async Task StartInnerAsync(CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().Ready.WaitAsync(ct);
        _inner = create(services);
        await _inner.StartAsync(ct);
    }
}

public static class AfterDatabaseExtensions
{
    /// <summary>Registers the hosted services that <paramref name="register"/> adds so that each starts once the database is ready.</summary>
    public static IServiceCollection StartAfterDatabase(this IServiceCollection services, Action<IServiceCollection> register)
    {
        var before = services.Count;
        register(services);
        var added = services.Skip(before).Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        foreach (var descriptor in added)
        {
            services.Remove(descriptor);
            services.AddSingleton<IHostedService>(sp => new AfterDatabase(sp, Factory(descriptor)));
        }
        return services;
    }

    private static Func<IServiceProvider, IHostedService> Factory(ServiceDescriptor d) =>
        d.ImplementationInstance is IHostedService instance ? _ => instance
        : d.ImplementationFactory is { } factory ? sp => (IHostedService)factory(sp)
        : sp => (IHostedService)ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);
}
