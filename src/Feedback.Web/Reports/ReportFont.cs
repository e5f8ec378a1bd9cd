using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Feedback.Web.Reports;

/// <summary>The typeface one report is drawn with, registered with ScottPlot under <see cref="Name"/>.</summary>
internal sealed record ReportFont(string Name, SKTypeface Typeface, int GlyphCount)
{
    /// <summary>Printable ASCII and the punctuation numbers and dates use, whatever the texts.</summary>
    public const string BaseCharacters = "−–—…·•，。：；、（）％×÷“”‘’《》【】";
}

/// <summary>
/// Loads the CJK font once and makes per-report subsets of it. Subsets are cached by character set (ScottPlot caches
/// typefaces by name for the life of the process anyway); each holds a few dozen kilobytes.
/// </summary>
internal sealed class ReportFonts(IOptions<ReportOptions> options)
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Registered = new();
    private static readonly Lock RegistrationLock = new();
    private static bool _resolverAdded;
    private readonly Lazy<(byte[] Data, int FaceOffset, SKTypeface Full)> _source = new(() => Load(options.Value.FontFile));

    public ReportFont For(IEnumerable<string> texts)
    {
        var codePoints = texts.Append(ReportFont.BaseCharacters)
            .SelectMany(t => t.EnumerateRunes().Select(r => r.Value))
            .Concat(Enumerable.Range(0x20, 0x7F - 0x20))
            .Where(c => c >= 0x20)
            .ToHashSet();
        var name = "report-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', codePoints.Order()))))[..16];
        var typeface = Registered.GetOrAdd(name, _ => Build(codePoints));
        EnsureResolver();
        return new ReportFont(name, typeface, typeface.GlyphCount);
    }

    private SKTypeface Build(HashSet<int> codePoints)
    {
        var (data, faceOffset, full) = _source.Value;
        using var font = new SKFont(full);
        var glyphs = codePoints.ToDictionary(c => c, c => font.GetGlyphs(char.ConvertFromUtf32(c))[0]);
        var subset = FontSubsetter.Subset(data, faceOffset, glyphs);
        return SKTypeface.FromData(SKData.CreateCopy(subset)) ?? throw new InvalidDataException("The font subset could not be loaded.");
    }

    private static (byte[], int, SKTypeface) Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The report font is missing (apt-get install fonts-wqy-microhei, or set Reports:FontFile): {path}", path);
        var data = File.ReadAllBytes(path);
        var full = SKTypeface.FromFile(path, 0) ?? throw new InvalidDataException($"Not a font: {path}");
        return (data, FontSubsetter.FaceOffset(data, 0), full);
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
