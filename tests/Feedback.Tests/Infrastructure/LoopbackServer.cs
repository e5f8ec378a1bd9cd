using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Infrastructure;

public static class LoopbackServer
{
    /// <summary>
    /// Starts <paramref name="factory"/> on Kestrel at a free loopback port and returns its base URL. The endpoint is
    /// given to Kestrel itself: UseKestrel(0) only sets the URLs, which the serve command's own default
    /// (http://127.0.0.1:5080) replaces, so every browser fixture would bind 5080 and two at once would collide.
    /// </summary>
    public static string StartOnLoopback(this WebApplicationFactory<Program> factory)
    {
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
