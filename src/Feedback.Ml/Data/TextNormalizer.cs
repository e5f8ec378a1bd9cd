namespace Feedback.Ml;

/// <summary>Full-width → half-width, lower case, no whitespace or control characters.</summary>
internal static class TextNormalizer
{
    // Full-width ASCII variants (！ to ～) sit at a fixed offset from their half-width forms.
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..Normalize(text, buffer)]);
    }

    /// <summary>Writes the normalised text into <paramref name="destination"/> (at least as long as the text) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var c in text)
        {
            // Chinese has no word spaces, so whitespace only splits character n-grams apart.
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF')
                continue;
            var half = c is >= FullWidthFirst and <= FullWidthLast ? (char)(c - FullWidthOffset) : c;
            destination[length++] = char.ToLowerInvariant(half);
        }
        return length;
    }
}
