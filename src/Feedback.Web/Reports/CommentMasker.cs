using System.Text;
using System.Text.RegularExpressions;

namespace Feedback.Web.Reports;

/// <summary>
/// Comments in a report are read by many people, so personal data goes: mobile and ID numbers keep only a few
/// digits, known names (the rater, staff) keep their surname. Control characters go too, and long texts are cut.
/// </summary>
internal sealed partial class CommentMasker
{
    public const int MaxLength = 80;

    public string Mask(string comment, IEnumerable<string> names)
    {
        var text = IdNumber().Replace(comment, m => m.Value[..6] + new string('*', m.Length - 10) + m.Value[^4..]);
        text = Mobile().Replace(text, m => m.Value[..3] + "****" + m.Value[^4..]);
        foreach (var name in names.Where(n => n.Length >= 2).Distinct().OrderByDescending(n => n.Length))
            text = text.Replace(name, name[0] + new string('*', name.Length - 1), StringComparison.Ordinal);
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
            clean.Append(char.IsControl(c) ? ' ' : c);
        var result = clean.ToString().Trim();
        return result.Length <= MaxLength ? result : result[..MaxLength] + "…";
    }

    // 18-digit resident ID (last may be X) or the old 15-digit form, not inside a longer number.
    [GeneratedRegex(@"(?<!\d)(\d{17}[\dXx]|\d{15})(?![\dXx])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
