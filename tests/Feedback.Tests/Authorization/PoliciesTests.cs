using System.Reflection;
using Feedback.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Tests.Authorization;

/// <summary>Every policy lives in Authorization/: each name is registered, and no endpoint builds a policy of its own.</summary>
public sealed class PoliciesTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private static readonly List<string> Names =
        [.. typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public async Task EveryPolicyName_IsRegistered()
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var missing = new List<string>();
        foreach (var name in Names)
        {
            if (await provider.GetPolicyAsync(name) is null)
            {
                missing.Add(name);
            }
        }

        Assert.Contains(Policies.Cases, Names);
        Assert.Empty(missing);
    }

    [Fact]
    public void Endpoints_UseNamedPoliciesOnly()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var inline = endpoints.Where(e => e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0).Select(e => e.DisplayName).ToList();
        var unknown = endpoints.SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>())
            .Select(a => a.Policy).Where(p => p is not null && !Names.Contains(p)).ToList();

        Assert.Empty(inline);
        Assert.Empty(unknown);
        Assert.Contains(endpoints, e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.PosterMaker));
    }
}
