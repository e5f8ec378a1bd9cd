using Feedback.Web.Organization.Import;

namespace Feedback.Web.Organization;

public static class OrgExtensions
{
    /// <summary>The register's reading, import and export; <see cref="OrgDirectory"/> (the cache) comes with the evaluations.</summary>
    public static IHostApplicationBuilder AddOrganization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrgQueries>();
        builder.Services.AddScoped<OrgImporter>();
        return builder;
    }
}
