using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Infrastructure;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Behind a configured proxy the request is what the client sent: its address (sign-in lockout, rate limits) and
    /// its scheme, so that cookies are <c>Secure</c> when the client spoke HTTPS to the proxy.
    /// </summary>
    public static IHostApplicationBuilder AddForwardedHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration("Proxy")
            .Validate(p => p.KnownProxies.All(a => IPAddress.TryParse(a, out _)), "Every Proxy:KnownProxies entry must be an IP address.")
            .Validate(p => p.KnownNetworks.All(n => IPNetwork.TryParse(n, out _)), "Every Proxy:KnownNetworks entry must be a network such as 10.0.0.0/24.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Set in full, also for the default (loopback): ASPNETCORE_FORWARDEDHEADERS_ENABLED=true clears these lists,
            // which would believe any peer.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            if (proxy.Value.KnownProxies.Count == 0 && proxy.Value.KnownNetworks.Count == 0)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse("127.0.0.0/8"));
                forwarded.KnownProxies.Add(IPAddress.IPv6Loopback);
                return;
            }
            foreach (var address in proxy.Value.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks)
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        return builder;
    }
}
