using Feedback.Web.Admin;

namespace Feedback.Web.Accounts;

/// <summary>
/// What a password must be: long enough, and not one of the guesses tried first (the user name, one character
/// repeated, a run such as 1234567890 or abcdefghij, or a well-known password). Length matters more than character
/// classes, so no mix of classes is demanded.
/// </summary>
public static class PasswordRule
{
    private const string Runs = "01234567890123456789abcdefghijklmnopqrstuvwxyzqwertyuiopasdfghjklzxcvbnm";
    private static readonly string[] WellKnown = ["password", "passw0rd", "iloveyou", "admin123", "qwerty", "woaini", "111111", "000000", "123456", "88888888"];

    public static string Describe(int minLength) =>
        $"密码至少 {minLength} 个字符，不能包含用户名，不能是同一字符重复、连续的数字或字母（如 1234567890、abcdefghij）或常见密码。";

    /// <summary>Throws a <see cref="RefusedInputException"/> naming what is wrong with the password.</summary>
    public static void Check(string password, string userName, int minLength, string field = "password")
    {
        if (password.Length < minLength)
            throw Refuse(field, $"Password must have at least {minLength} characters.", $"密码太短：至少需要 {minLength} 个字符。");
        var lower = password.ToLowerInvariant();
        if (userName.Length >= 3 && lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
            throw Refuse(field, "Password must not contain the user name.", "密码不能包含用户名。");
        if (lower.Distinct().Count() <= 2 || IsRun(lower) || WellKnown.Any(w => lower.Replace(w, "", StringComparison.Ordinal).Length <= 2))
            throw Refuse(field, "Password is too easy to guess (a repeated character, a run such as 1234567890, or a common password).",
                "密码太容易被猜到（同一字符重复、连续的数字或字母，或常见密码）。");
    }

    // A run of the keyboard or the alphabet, forwards or backwards, possibly with its ends cut.
    private static bool IsRun(string lower)
    {
        var reversed = new string(lower.Reverse().ToArray());
        return Runs.Contains(lower, StringComparison.Ordinal) || Runs.Contains(reversed, StringComparison.Ordinal);
    }

    // The pages show the whole rule (Describe) under the field, so the message names only what failed.
    private static RefusedInputException Refuse(string field, string message, string chinese) => new(field, message, chinese);
}
