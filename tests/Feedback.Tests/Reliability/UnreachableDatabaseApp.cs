using Feedback.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Feedback.Tests.Reliability;

/// <summary>The service in memory, configured with a PostgreSQL address where nothing listens.</summary>
public sealed class UnreachableDatabaseApp : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Feedback", $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=feedback;Password=x;Timeout=2");
        // Nothing to migrate against; the start-up wait has tests of its own.
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Keys:Master", Feedback.Tests.Infrastructure.TestKeys.Master);
    }
}
