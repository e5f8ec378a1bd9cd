using Feedback.Web.Evaluations;

namespace Feedback.Web.Qr;

/// <summary>What the citizen typed, kept so that a page with an error shows it again.</summary>
internal sealed record QrFormValues(int? Rating, IReadOnlyList<int> Reasons, string? Comment, string? Name, string? Phone, int? Assess)
{
    public static readonly QrFormValues Empty = new(null, [], null, null, null, null);

    public static QrFormValues Read(IFormCollection form) => new(
        int.TryParse(form["rating"], out var rating) ? rating : null,
        [.. form["reasons"].Select(r => int.TryParse(r, out var code) ? code : 0)],
        AsWritten(form["comment"]), Blank(form["name"]), Blank(form["phone"]),
        int.TryParse(form["assess"], out var assess) ? assess : null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Stored as written, except the CRLF a form sends for each line break, which the page counts as one character.
    private static string? AsWritten(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>The rating form: five choices, the reasons of the two bad levels, a comment, an optional real name.</summary>
internal static class QrForm
{
    public const int MaxCommentLength = 500;

    public static string Render(QrPlace place, QrLink link, string centre, int assess, QrFormValues values, string formField, string formToken, string? error)
    {
        var choices = string.Concat(Ratings.Labels.OrderByDescending(r => r.Key).Select(r =>
            Choice("rating", r.Key, r.Value, values.Rating == r.Key, "radio")));
        var body = $"""
            {Where(place, link, centre)}
            {(assess == 2 ? "<p class=\"note\">该办件已有一次评价，本次为追评（仅可追评一次）。</p>" : "")}
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{QrHtml.Encode(error)}</p>")}
            <form id="rate" method="post">
            <input type="hidden" name="{QrHtml.Encode(formField)}" value="{QrHtml.Encode(formToken)}">
            <input type="hidden" name="assess" value="{assess}">
            <fieldset><legend>您对本次服务满意吗？</legend>{choices}</fieldset>
            {Reasons(values)}
            <label class="f" id="cl" for="comment" data-good="意见或建议（选填）" data-bad="请告诉我们哪里做得不好">意见或建议（差评请写明原因）</label>
            <textarea id="comment" name="comment" maxlength="{MaxCommentLength}">{QrHtml.Encode(values.Comment)}</textarea>
            <p class="count"><span id="n">{values.Comment?.EnumerateRunes().Count() ?? 0}</span>/{MaxCommentLength} 字</p>
            <details{(values.Name ?? values.Phone) switch { null => "", _ => " open" }}><summary>实名评价（选填，默认匿名）</summary>
            <label class="f" for="name">姓名</label><input type="text" id="name" name="name" maxlength="{EvaluationValidator.MaxNameLength}" autocomplete="name" value="{QrHtml.Encode(values.Name)}">
            <label class="f" for="phone">手机号码</label><input type="tel" id="phone" name="phone" maxlength="20" autocomplete="tel" value="{QrHtml.Encode(values.Phone)}">
            <p class="consent">填写即同意仅用于回访核实；号码加密保存，只显示部分数字。</p>
            </details>
            <button type="submit">提交评价</button>
            </form>
            """;
        return QrHtml.Page("服务评价", body, script: true);
    }

    /// <summary>The reasons of both bad levels, each under its heading: without a script all stay visible.</summary>
    private static string Reasons(QrFormValues values) => string.Concat(new[] { Ratings.Dissatisfied, Ratings.VeryDissatisfied }.Select(level => $"""
        <fieldset class="reasons" data-for="{level}"><legend>若选“{Ratings.Labels[level]}”，请勾选原因（可多选）</legend>
        {string.Concat(ReasonCodes.ForRating(level).Select(code => Choice("reasons", code, ReasonCodes.Labels[code], values.Reasons.Contains(code), "checkbox")))}
        </fieldset>
        """));

    /// <summary>The header every page of a link shows: centre, department, window, staff, item, transaction.</summary>
    public static string Where(QrPlace place, QrLink link, string centre) => $"""
        <section class="where">
        <p class="centre">{QrHtml.Encode(centre)}</p>
        <h2>{QrHtml.Encode(place.DepartmentName)}</h2>
        <p>窗口：{QrHtml.Encode(place.WindowNumber)} {QrHtml.Encode(place.WindowName)}</p>
        {Line("工作人员", place.StaffName)}{Line("办理事项", place.ServiceItemName)}{Line("办件编号", link.CaseNumber)}
        </section>
        """;

    private static string Line(string label, string? value) => value is null ? "" : $"<p>{label}：{QrHtml.Encode(value)}</p>";

    private static string Choice(string name, int value, string label, bool isChecked, string type) =>
        $"<label class=\"choice\"><input type=\"{type}\" name=\"{name}\" value=\"{value}\"{(isChecked ? " checked" : "")}>{QrHtml.Encode(label)}</label>";
}
