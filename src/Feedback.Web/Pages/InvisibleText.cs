using System.Buffers;
using System.Globalization;
using System.Text;

namespace Feedback.Web.Pages;

/// <summary>
/// Citizens' text is stored as typed, but where people read it (pages, PDFs, exports) the characters that reorder a
/// line (bidi embeddings, overrides and isolates, U+202A–202E and U+2066–2069, and the marks U+200E/F) or hide in it
/// (zero-width space and non-joiner U+200B/C, word joiner U+2060, BOM U+FEFF) are shown as a visible mark such as
/// <c>[U+202E]</c>: a comment cannot make "差评" read as something else, and the officer sees that something was there.
/// The zero-width joiner U+200D is left alone: it only joins glyphs (every family or flag emoji uses it) and moves nothing.
/// </summary>
public static class InvisibleText
{
    private static readonly SearchValues<char> Marks = SearchValues.Create(
        "\u200B\u200C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF");

    public static string? Visible(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAny(Marks) < 0)
            return text;
        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Marks.Contains(c))
                shown.Append(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
            else
                shown.Append(c);
        }
        return shown.ToString();
    }
}
