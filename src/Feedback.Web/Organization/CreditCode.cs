namespace Feedback.Web.Organization;

/// <summary>
/// 统一社会信用代码 as GB 32100-2015 defines it: 18 characters from 0-9 and the capital letters other than I, O, Z, S
/// and V; the 3rd to 8th are the registering authority's 行政区划代码; the 18th is a check character, the weighted
/// sum of the first 17 (weights 3^i mod 31) taken modulo 31.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null if one of them is not in the code's alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
            return null;
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
                return null;
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Null if <paramref name="code"/> (upper case) is valid, otherwise why not, in Chinese.</summary>
    public static string? Problem(string code)
    {
        if (code.Length != Length)
            return $"应为 18 位，这里是 {code.Length} 位。";
        if (code.FirstOrDefault(c => !Alphabet.Contains(c)) is var bad and not '\0')
            return $"含有字符「{bad}」；只能使用数字和除 I、O、Z、S、V 以外的大写字母。";
        if (!code.AsSpan(2, 6).ContainsOnlyDigits())
            return "第3至8位应为登记机关的行政区划代码（6位数字）。";
        var check = CheckCharacter(code.AsSpan(0, Length - 1));
        return check == code[^1] ? null : $"校验位错误：按 GB 32100 计算，第18位应为「{check}」，这里是「{code[^1]}」。请核对代码是否抄错。";
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
