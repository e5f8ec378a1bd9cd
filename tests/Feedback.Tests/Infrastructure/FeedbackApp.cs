using System.Net.Http.Json;
using Feedback.Web.ApiKeys;
using Feedback.Web.Data;
using Feedback.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Infrastructure;

/// <summary>
/// The service in memory over a database of its own with the demo organisation, plus a client per API key scope.
/// Use as a class fixture: tests in a class share it, so they use distinct case numbers.
/// </summary>
public class FeedbackApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";

    public string ConnectionString => _connectionString;
    /// <summary>False for a centre on its first day: no departments, windows, staff or service items.</summary>
    public bool SeedsDemoOrganization { get; init; } = true;
    /// <summary>Reports:OutputDirectory, a temporary folder removed on dispose.</summary>
    public string ReportsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"feedback-reports-{Guid.NewGuid():N}");
    public HttpClient Ingest { get; private set; } = null!;
    public HttpClient Reader { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var postgres = await TestPostgres.SharedAsync();
        _connectionString = await postgres.CreateDatabaseAsync("api");
        await Services.EnsureDatabaseReadyAsync();
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        if (SeedsDemoOrganization)
            await DemoSeeder.SeedOrganizationAsync(db, CancellationToken.None);
        Ingest = await ClientWithKeyAsync(db, ApiKeyScopes.Ingest);
        Reader = await ClientWithKeyAsync(db, ApiKeyScopes.Read);
        Admin = await ClientWithKeyAsync(db, ApiKeyScopes.Admin);
        Anonymous = CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Feedback", _connectionString);
        // A configured database needs a master key; every app and process of the test run shares this one.
        builder.UseSetting("Keys:Master", TestKeys.Master);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Reports:OutputDirectory", ReportsDirectory);
        // Tests of a class share one client address; the sign-in limit has a test of its own.
        builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
        // Every request re-reads the signed-in person, so tests see a role change at once.
        builder.UseSetting("Accounts:SessionCheckInterval", "00:00:00");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TestPostgres.TryDelete(ReportsDirectory);
        GC.SuppressFinalize(this);
    }

    private async Task<HttpClient> ClientWithKeyAsync(FeedbackDbContext db, string scope)
    {
        var key = await ApiKeyService.CreateAsync(db, $"test-{scope}", scope, TimeProvider.System, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }
}

public static class HttpExtensions
{
    public static Task<HttpResponseMessage> PostRatingAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/evaluations", body);
}
