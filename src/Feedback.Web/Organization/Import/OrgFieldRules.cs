namespace Feedback.Web.Organization.Import;

/// <summary>
/// The rules of one row on its own: required fields, lengths, the characters of codes, no control characters or
/// formula-like text, the credit and area codes, the item's kind and days. Returns the row trimmed and normalised
/// (credit codes in capitals, blanks as null), or null if a field is wrong.
/// </summary>
internal sealed class OrgFieldRules(OrgProblems problems)
{
    public IOrgRow? Check(OrgKind kind, int index, IOrgRow row)
    {
        var sheet = OrgLayout.Of(kind);
        var before = problems.Count;
        string? Text(string field, string? value, bool required) => CheckText(sheet, index, field, value, required);
        IOrgRow normalized = row switch
        {
            DepartmentRow d => new DepartmentRow(Code(sheet, index, d.Code)!, Text("name", d.Name, true)!,
                Credit(index, Text("creditCode", d.CreditCode?.ToUpperInvariant(), false)), Area(index, Text("areaCode", d.AreaCode, false)), d.Active),
            WindowRow w => new WindowRow(Code(sheet, index, w.Code)!, Text("number", w.Number, true)!, Text("name", w.Name, true)!,
                Reference(sheet, index, "departmentCode", w.DepartmentCode, true)!, Text("hall", w.Hall, false), w.Active),
            StaffRow s => new StaffRow(Code(sheet, index, s.Code)!, Text("name", s.Name, true)!,
                Reference(sheet, index, "departmentCode", s.DepartmentCode, true)!, Reference(sheet, index, "windowCode", s.WindowCode, false), s.Active),
            ServiceItemRow i => Item(sheet, index, i, Text),
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };
        return problems.Count == before ? normalized : null;
    }

    private ServiceItemRow Item(OrgSheet sheet, int index, ServiceItemRow item, Func<string, string?, bool, string?> text)
    {
        var kind = item.Kind?.Trim() switch
        {
            ServiceItemKinds.Immediate or "即办件" => ServiceItemKinds.Immediate,
            ServiceItemKinds.Promised or "承诺件" => ServiceItemKinds.Promised,
            null or "" => problems.Add(sheet.Kind, index, "kind", "必填：即办件或承诺件。"),
            var other => problems.Add(sheet.Kind, index, "kind", $"「{other}」不是办件类型，应为即办件或承诺件。"),
        };
        var days = item.PromisedDays;
        if (kind == ServiceItemKinds.Promised && days is not (>= 1 and <= ServiceItemKinds.MaxPromisedDays))
            problems.Add(sheet.Kind, index, "promisedDays", $"承诺件须填写承诺时限：1 至 {ServiceItemKinds.MaxPromisedDays} 个工作日。");
        else if (kind == ServiceItemKinds.Immediate && days is not (null or 0))
            problems.Add(sheet.Kind, index, "promisedDays", "即办件当场办结，不填承诺时限（或改为承诺件）。");
        return new ServiceItemRow(Code(sheet, index, item.Code)!, text("name", item.Name, true)!,
            Reference(sheet, index, "departmentCode", item.DepartmentCode, true)!, kind ?? "", kind == ServiceItemKinds.Promised ? days : null, item.Active);
    }

    private string? Code(OrgSheet sheet, int index, string? code) => Reference(sheet, index, "code", code, true);

    /// <summary>Codes are identifiers printed in QR links and URLs: letters, digits, - _ and . only.</summary>
    private string? Reference(OrgSheet sheet, int index, string field, string? code, bool required)
    {
        var value = CheckText(sheet, index, field, code, required);
        if (value is not null && !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            problems.Add(sheet.Kind, index, field, $"编码「{value}」只能包含字母、数字和 - _ . 符号。");
        return value;
    }

    private string? CheckText(OrgSheet sheet, int index, string field, string? value, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var max = sheet.MaxLength(field);
        if (text is null)
        {
            if (required)
                problems.Add(sheet.Kind, index, field, "必填，不能为空。");
        }
        else if (text.EnumerateRunes().Count() > max)
            problems.Add(sheet.Kind, index, field, $"长度 {text.EnumerateRunes().Count()} 个字，超过上限 {max} 个字。");
        else if (text.Any(char.IsControl))
            problems.Add(sheet.Kind, index, field, "含有换行或其他控制字符。");
        else if (text[0] is '=' or '+' or '-' or '@')
            problems.Add(sheet.Kind, index, field, $"以「{text[0]}」开头，电子表格会把它当作公式执行，已拒绝。");
        return text;
    }

    private string? Credit(int index, string? code)
    {
        if (code is not null && CreditCode.Problem(code) is { } problem)
            problems.Add(OrgKind.Departments, index, "creditCode", $"统一社会信用代码「{code}」{problem}");
        return code;
    }

    private string? Area(int index, string? code)
    {
        if (code is not null && AreaCode.Problem(code) is { } problem)
            problems.Add(OrgKind.Departments, index, "areaCode", $"行政区划代码{problem}");
        return code;
    }
}
