using Feedback.Web.Evaluations;

namespace Feedback.Web.Qr;

/// <summary>The page's own rules on top of the shared validation, and the shared validation's findings in Chinese.</summary>
internal static class QrFormRules
{
    public static string? Check(QrFormValues form)
    {
        if (form.Rating is not (>= 1 and <= 5))
        {
            return "请选择您对本次服务的满意程度。";
        }
        if (form.Comment is not null && form.Comment.EnumerateRunes().Count() > QrFormValues.MaxCommentLength)
        {
            return $"意见不能超过 {QrFormValues.MaxCommentLength} 字。";
        }
        if (Ratings.IsBad(form.Rating.Value) && form.Reasons.Count == 0 && form.Comment is null)
        {
            return "请至少勾选一项不满意的原因，或写下您的意见，以便部门整改。";
        }
        return null;
    }

    /// <summary>The first finding that a citizen can act on; the API's English messages name the field at fault.</summary>
    public static string Explain(IDictionary<string, string[]> errors)
    {
        foreach (var field in errors.Keys)
        {
            switch (field)
            {
                case "reasonCodes": return "所选原因与满意程度不符，请只勾选所选等级下的原因。";
                case "rater.phone": return "手机号码格式不正确，请检查后重试（也可不填，匿名评价）。";
                case "rater.name": return $"姓名最多 {EvaluationValidator.MaxNameLength} 个字，且不能包含特殊控制字符。";
                case "comment": return "意见中包含无法保存的特殊字符，请修改后重试。";
            }
        }
        return "提交的内容有误，请检查后重试。";
    }
}
