using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feedback.Web.Pages;

public static class PagesExtensions
{
    /// <summary>
    /// Pages are Razor components rendered on the server (static SSR) and returned by minimal-API endpoints as
    /// <c>RazorComponentResult</c>: the handler loads the data, the component only shows it, and Razor encodes every value.
    /// </summary>
    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Chinese text stays as it is in the HTML (the default encoder writes every CJK character as &#x…;, which
        // triples a page's size); markup characters and quotes are still escaped.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Ahead of the default JSON writer, which AddProblemDetails adds after this.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, PageProblemWriter>());
        return builder;
    }
}
