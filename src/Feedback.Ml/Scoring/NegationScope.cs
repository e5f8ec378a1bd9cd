namespace Feedback.Ml;

/// <summary>
/// Marks the characters a negation governs, for the "n" featurizers: so that "不慢" or "没排队" do not count as "慢" or
/// "排队", nor "不满意" as "满意" (negation marking, Das and Chen 2001; Pang, Lee and Vaithyanathan 2002). Scare quotes
/// invert a word the same way (真是"高效"). A negation starts after 不, 没, 无, 未, 别 or 勿 and runs for at most
/// <see cref="Reach"/> characters, ending early at punctuation or a contrast word (但, 却, 可); words in which the
/// character does not negate (不过, 不但, 不仅, 无论, 无比) open none, nor do A-not-A questions (有没有, 是不是).
/// It lifts the polarity model's cross-validated macro-F1 (docs/model-card.md). Contrast words end a scope rather than
/// open one: marking what follows them as well (态度很好但系统太慢) gained nothing and doubled such comments' features.
/// </summary>
internal static class NegationScope
{
    /// <summary>Set in an n-gram key when one of its characters is negated; n-grams of up to 3 characters leave bit 63 free.</summary>
    public const ulong Flag = 1UL << 63;

    public const int MaxLength = 3;

    private const int Reach = 4;

    public static void Mark(ReadOnlySpan<char> text, Span<bool> negated)
    {
        negated[..text.Length].Clear();
        var (left, quoted) = (0, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '“' or '”' or '「' or '」' or '\'' or '‘' or '’')
            {
                (quoted, left) = (!quoted, 0);
                continue;
            }
            if (quoted)
            {
                negated[i] = true;
                continue;
            }
            if (IsBoundary(c) || c is '但' or '却' or '可')
            {
                left = 0;
                continue;
            }
            if (left > 0)
            {
                negated[i] = true;
                left--;
            }
            if (IsNegator(text, i))
                left = Reach;
        }
    }

    private static bool IsNegator(ReadOnlySpan<char> text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        // An A-not-A question (有没有搞错, 是不是很慢, 能不能快点) asks; it does not negate what follows.
        if (i > 0 && text[i - 1] == next && text[i] is '不' or '没')
            return false;
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
