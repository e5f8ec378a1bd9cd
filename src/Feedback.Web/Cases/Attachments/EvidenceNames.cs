using System.Globalization;
using System.Text;

namespace Feedback.Web.Cases.Attachments;

/// <summary>
/// The name an uploaded file is stored and offered under: no folders, no control or direction-changing characters,
/// none that Windows refuses, at most <see cref="MaxLength"/> characters, and an extension that matches the type
/// its bytes showed (a PNG named "scan.pdf" becomes "scan.png").
/// </summary>
internal static class EvidenceNames
{
    public const int MaxLength = 200;
    private const string Fallback = "整改佐证";
    private const string Forbidden = "<>:\"/\\|?*";

    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        [Evidence.Jpeg] = [".jpg", ".jpeg", ".jpe"],
        [Evidence.Png] = [".png"],
        [Evidence.Pdf] = [".pdf"],
    };

    public static string Sanitize(string? name, string contentType)
    {
        // Old browsers sent the whole path of the client's file (C:\Users\…\photo.jpg).
        var bare = (name ?? "").Replace('\\', '/');
        var text = Clean(bare[(bare.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC));
        var extension = Path.GetExtension(text);
        var own = Extensions[contentType];
        if (!own.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            var known = Extensions.Values.Any(e => e.Contains(extension, StringComparer.OrdinalIgnoreCase));
            (text, extension) = (known ? text[..^extension.Length] : text, own[0]);
        }
        else
        {
            text = text[..^extension.Length];
        }
        text = text.Trim().Trim('.').Trim();
        return Shorten(text.Length == 0 ? Fallback : text, MaxLength - extension.Length) + extension;
    }

    /// <summary>Drops control, format (e.g. right-to-left override), unassigned and private-use characters; replaces those Windows refuses.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
                continue;
            clean.Append(rune.IsAscii && Forbidden.Contains((char)rune.Value, StringComparison.Ordinal) ? "_" : rune.ToString());
        }
        return clean.ToString().Trim().TrimStart('.');
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never splitting a character.</summary>
    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (end + rune.Utf16SequenceLength > max)
                break;
            end += rune.Utf16SequenceLength;
        }
        return text[..end].TrimEnd();
    }
}
