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
        return services.Defer(services.Skip(before).Where(d => d.ServiceType == typeof(IHostedService)).ToList());
    }

    /// <summary>
    /// The data-protection key ring is stored in the database: its hosted service, which reads the ring at start, waits
    /// for the database too. Call after every service that may add data protection is registered.
    /// </summary>
    public static IServiceCollection StartKeyRingAfterDatabase(this IServiceCollection services) =>
        services.Defer(services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList());

    private static IServiceCollection Defer(this IServiceCollection services, List<ServiceDescriptor> hosted)
    {
        foreach (var descriptor in hosted)
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
