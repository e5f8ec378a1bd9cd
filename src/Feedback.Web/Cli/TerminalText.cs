using System.Globalization;
using System.Text;

namespace Feedback.Web.Cli;

/// <summary>
/// Text from a file or a database made safe to print on a terminal: control characters (ESC sequences can move the
/// cursor, rewrite the screen or set the window title), DEL, C1 controls and bidirectional overrides are shown as
/// \uXXXX escapes, and a very long value is cut, so an import's report says what is wrong and nothing more.
/// </summary>
internal static class TerminalText
{
    public const int MaxLength = 500;

    public static string Safe(string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, MaxLength));
        if (!NeedsEscape(span))
        {
            return span.Length == text.Length ? text : string.Concat(span, "…");
        }
        var safe = new StringBuilder(span.Length + 16);
        foreach (var c in span)
        {
            if (IsUnsafe(c))
                safe.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                safe.Append(c);
        }
        return span.Length == text.Length ? safe.ToString() : safe.Append('…').ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
                return true;
        }
        return false;
    }

    /// <summary>Line breaks are unsafe too: one message must stay one line of the report.</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
