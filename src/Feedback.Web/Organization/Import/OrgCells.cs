using System.Globalization;

namespace Feedback.Web.Organization.Import;

/// <summary>
/// The cells of one file row by field, trimmed (blank is null), with the parsing of the columns that are not text:
/// 状态, 办件类型 and the promised days. A value that cannot be parsed is reported against its field.
/// </summary>
public sealed class OrgCells(Dictionary<string, int> columns, Action<string, string> problem)
{
    private string?[] _values = [];

    public void Load(string?[] values) => _values = values;

    public string? this[string field] =>
        columns.TryGetValue(field, out var i) && i < _values.Length && !string.IsNullOrWhiteSpace(_values[i]) ? _values[i]!.Trim() : null;

    public bool Active()
    {
        var text = this["active"];
        if (text is null || OrgLayout.ActiveWords.Contains(text))
            return true;
        if (OrgLayout.RetiredWords.Contains(text))
            return false;
        problem("active", $"状态「{text}」无法识别，请填写{string.Join("、", OrgLayout.ActiveWords[..4])}或{string.Join("、", OrgLayout.RetiredWords[..4])}（留空为启用）。");
        return true;
    }

    /// <summary>即办件 / 承诺件 become the API's values; anything else is passed on for the validator to name.</summary>
    public string Kind() => this["kind"] switch
    {
        "即办件" or "即办" => ServiceItemKinds.Immediate,
        "承诺件" or "承诺" => ServiceItemKinds.Promised,
        var other => other ?? "",
    };

    public int? Days()
    {
        var text = this["promisedDays"];
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
            return days;
        problem("promisedDays", $"「{text}」不是整数（工作日天数）。");
        return null;
    }
}
