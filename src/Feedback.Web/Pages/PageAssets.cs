using System.Security.Cryptography;

namespace Feedback.Web.Pages;

/// <summary>
/// The staff pages' one stylesheet and one script, shipped inside the assembly and served under a URL that carries
/// their hash: browsers may keep them for a year, and a new release is fetched at once.
/// </summary>
public static class PageAssets
{
    private static readonly Asset Stylesheet = Load("site.css", "text/css; charset=utf-8");
    private static readonly Asset Script = Load("site.js", "text/javascript; charset=utf-8");

    public static string StylesheetUrl => Stylesheet.Url;
    public static string ScriptUrl => Script.Url;

    public static IEndpointRouteBuilder MapPageAssets(this IEndpointRouteBuilder routes)
    {
        foreach (var asset in new[] { Stylesheet, Script })
        {
            routes.MapGet(asset.Url, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.Bytes(asset.Content, asset.ContentType);
            }).ExcludeFromDescription();
        }
        return routes;
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream($"Feedback.Web.Pages.Assets.{name}")
            ?? throw new InvalidOperationException($"The page asset {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        var (stem, extension) = (Path.GetFileNameWithoutExtension(name), Path.GetExtension(name));
        return new($"/assets/{stem}.{hash}{extension}", content, contentType);
    }

    private sealed record Asset(string Url, byte[] Content, string ContentType);
}
