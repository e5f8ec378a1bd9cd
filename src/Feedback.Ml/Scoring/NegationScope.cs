namespace Feedback.Ml;

/// <summary>
/// Marks each character's scope for polarity features (the "n" featurizers). Negated: a negator governs it, so that
/// "不慢" or "没排队" do not count as "慢" or "排队", nor "不满意" as "满意" (negation marking, Das and Chen 2001; Pang,
/// Lee and Vaithyanathan 2002); scare quotes invert a word the same way (真是"高效"). A negation starts after 不, 没,
/// 无, 未, 别 or 勿 and runs for at most <see cref="Reach"/> characters, ending early at punctuation or a contrast word;
/// words in which the character does not negate (不过, 不但, 不仅, 无论, 无比) open none. Contrasted: everything after
/// 但, 却, 可是, 可惜, 就是, 不过, 只是 or 然而, the clause that decides a mixed comment (态度很好但系统太慢).
/// </summary>
internal static class NegationScope
{
    public const byte Negated = 1;
    public const byte Contrasted = 2;

    /// <summary>Set in an n-gram key when one of its characters is negated; n-grams of up to 3 characters leave bits 62-63 free.</summary>
    public const ulong NegatedFlag = 1UL << 63;

    /// <summary>Set in the extra copy of an n-gram after a contrast word.</summary>
    public const ulong ContrastedFlag = 1UL << 62;

    public const int MaxLength = 3;

    private const int Reach = 4;

    public static void Mark(ReadOnlySpan<char> text, Span<byte> scope)
    {
        scope[..text.Length].Clear();
        var (left, quoted, contrasted) = (0, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (contrasted)
                scope[i] = Contrasted;
            if (c is '"' or '“' or '”' or '「' or '」' or '\'' or '‘' or '’')
            {
                (quoted, left) = (!quoted, 0);
                continue;
            }
            if (quoted)
            {
                scope[i] |= Negated;
                continue;
            }
            if (ContrastEnds(text, i) is var end and > 0)
            {
                contrasted = true;
                left = 0;
                if (end > i + 1)
                    i = end - 1;
                continue;
            }
            if (IsBoundary(c))
            {
                left = 0;
                continue;
            }
            if (left > 0)
            {
                scope[i] |= Negated;
                left--;
            }
            if (IsNegator(text, i))
                left = Reach;
        }
    }

    /// <summary>Where the contrast word starting at <paramref name="i"/> ends, or 0 if none starts there.</summary>
    private static int ContrastEnds(ReadOnlySpan<char> text, int i)
    {
        if (text[i] is '但' or '却')
            return i + (i + 1 < text.Length && text[i] == '但' && text[i + 1] == '是' ? 2 : 1);
        if (i + 1 >= text.Length)
            return 0;
        return text.Slice(i, 2) switch
        {
            "可是" or "可惜" or "就是" or "不过" or "只是" or "然而" => i + 2,
            _ => 0,
        };
    }

    private static bool IsNegator(ReadOnlySpan<char> text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '不' => next is not ('过' or '但' or '仅'),
            '没' or '未' or '别' or '勿' => true,
            '无' => next is not ('论' or '比'),
            _ => false,
        };
    }

    private static bool IsBoundary(char c) => char.IsPunctuation(c) || char.IsWhiteSpace(c) || char.IsSymbol(c);
}
