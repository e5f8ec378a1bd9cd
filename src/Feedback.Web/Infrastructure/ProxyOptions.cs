namespace Feedback.Web.Infrastructure;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Bound from the "Proxy"
/// section. From any other peer the headers are ignored: a client cannot choose its own address (rate limits,
/// lockout) or claim HTTPS.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of trusted proxies (e.g. <c>10.0.0.5</c>). Default: none, in which case loopback (a proxy on the same machine) is trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (e.g. <c>10.0.0.0/24</c>). Default: none.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
