using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Feedback.Web.Infrastructure.Fonts;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Feedback.Web.Reports;

/// <summary>The typeface one report is drawn with, registered with ScottPlot under <see cref="Name"/>.</summary>
internal sealed record ReportFont(string Name, SKTypeface Typeface, int GlyphCount);

/// <summary>
/// Loads the CJK font once and makes per-report subsets of it. Subsets are cached by character set (ScottPlot caches
/// typefaces by name for the life of the process anyway); each holds a few dozen kilobytes.
/// </summary>
internal sealed class ReportFonts(IOptions<ReportOptions> options)
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Registered = new();
    private static readonly Lock RegistrationLock = new();
    private static bool _resolverAdded;
    private readonly Lazy<SubsetFont> _source = new(() => SubsetFont.Load(options.Value.FontFile, "apt-get install fonts-wqy-microhei, or set Reports:FontFile"));

    public ReportFont For(IEnumerable<string> texts)
    {
        var codePoints = SubsetFont.CodePoints(texts);
        var name = "report-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', codePoints.Order()))))[..16];
        var typeface = Registered.GetOrAdd(name, _ => _source.Value.Subset(codePoints));
        EnsureResolver();
        return new ReportFont(name, typeface, typeface.GlyphCount);
    }

    private static void EnsureResolver()
    {
        lock (RegistrationLock)
        {
            if (_resolverAdded)
                return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
            _resolverAdded = true;
        }
    }

    private sealed class Resolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
            Registered.GetValueOrDefault(fontName);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Registered.GetValueOrDefault(fontName);
    }
}
