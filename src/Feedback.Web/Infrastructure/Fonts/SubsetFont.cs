using SkiaSharp;

namespace Feedback.Web.Infrastructure.Fonts;

/// <summary>
/// A CJK font file loaded once, from which typefaces holding only the characters of given texts are made, so a PDF
/// embeds a few dozen kilobytes of glyphs instead of the whole font.
/// </summary>
internal sealed class SubsetFont
{
    /// <summary>Printable ASCII and the punctuation numbers and dates use, whatever the texts.</summary>
    public const string BaseCharacters = "−–—…·•，。：；、（）％×÷“”‘’《》【】";

    private readonly byte[] _data;
    private readonly int _faceOffset;

    private SubsetFont(byte[] data, int faceOffset, SKTypeface full) => (_data, _faceOffset, Full) = (data, faceOffset, full);

    /// <summary>The whole face, for measuring and for PNGs, where size does not matter.</summary>
    public SKTypeface Full { get; }

    public static SubsetFont Load(string path, string missingHint)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The font is missing ({missingHint}): {path}", path);
        var data = File.ReadAllBytes(path);
        var full = SKTypeface.FromFile(path, 0) ?? throw new InvalidDataException($"Not a font: {path}");
        return new SubsetFont(data, FontSubsetter.FaceOffset(data, 0), full);
    }

    /// <summary>The code points a subset for <paramref name="texts"/> must hold (with ASCII and <see cref="BaseCharacters"/>).</summary>
    public static HashSet<int> CodePoints(IEnumerable<string> texts) =>
        texts.Append(BaseCharacters)
            .SelectMany(t => t.EnumerateRunes().Select(r => r.Value))
            .Concat(Enumerable.Range(0x20, 0x7F - 0x20))
            .Where(c => c >= 0x20)
            .ToHashSet();

    public SKTypeface Subset(HashSet<int> codePoints)
    {
        using var font = new SKFont(Full);
        var glyphs = codePoints.ToDictionary(c => c, c => font.GetGlyphs(char.ConvertFromUtf32(c))[0]);
        var subset = FontSubsetter.Subset(_data, _faceOffset, glyphs);
        return SKTypeface.FromData(SKData.CreateCopy(subset)) ?? throw new InvalidDataException("The font subset could not be loaded.");
    }
}
