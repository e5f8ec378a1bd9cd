namespace Feedback.Web.Organization;

/// <summary>行政区划代码 (GB/T 2260): six digits, the first two a province-level division.</summary>
public static class AreaCode
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    /// <summary>Null if valid, otherwise why not, in Chinese.</summary>
    public static string? Problem(string code)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return $"应为 6 位数字（如 330100），这里是「{code}」。";
        return Provinces.Contains(code[..2]) ? null : $"前两位「{code[..2]}」不是省级行政区划代码。";
    }
}
