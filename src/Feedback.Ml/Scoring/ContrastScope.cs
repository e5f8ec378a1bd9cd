namespace Feedback.Ml;

/// <summary>
/// Where the clause after a contrast word starts (态度很好但系统太慢: the complaint after 但 decides). Used by the
/// lexicon features, which count a praise or complaint word before and after the first contrast word apart, so that
/// the model can learn that the part after it dominates. Contrast words: 但 (但是), 可是, 不过, 就是, 可惜, 只是, 然而, 却.
/// </summary>
internal static class ContrastScope
{
    /// <summary>The index of the first character after the first contrast word, or -1 when the text has none.</summary>
    public static int Start(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var length = text[i] switch
            {
                '但' => next == '是' ? 2 : 1,
                '却' => 1,
                '然' when next == '而' => 2,
                '可' when next is '是' or '惜' => 2,
                '不' when next == '过' => 2,
                '就' or '只' when next == '是' => 2,
                _ => 0,
            };
            if (length > 0)
                return i + length;
        }
        return -1;
    }
}
