using System.Globalization;
using Feedback.Web.Organization.Import;

namespace Feedback.Web.Organization.Pages;

/// <summary>The add and edit form of one kind: its fields become a row for the importer, whose problems come back by field.</summary>
internal static class OrgForm
{
    /// <param name="code">The record's code when editing (the form cannot change it); null when adding.</param>
    public static (IOrgRow Row, Dictionary<string, string> Errors) Read(OrgSheet sheet, IFormCollection form, string? code, bool active)
    {
        var errors = new Dictionary<string, string>();
        string F(string field) => form[field].ToString();
        code ??= F("code");
        IOrgRow row = sheet.Kind switch
        {
            OrgKind.Departments => new DepartmentRow(code, F("name"), F("creditCode"), F("areaCode"), active),
            OrgKind.Windows => new WindowRow(code, F("number"), F("name"), F("departmentCode"), F("hall"), active),
            OrgKind.Staff => new StaffRow(code, F("name"), F("departmentCode"), F("windowCode"), active),
            _ => new ServiceItemRow(code, F("name"), F("departmentCode"), F("kind"), Days(F("promisedDays"), errors), active),
        };
        return (row, errors);
    }

    private static int? Days(string text, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
            return days;
        errors["promisedDays"] = "请填写整数（工作日天数）。";
        return null;
    }

    /// <summary>The importer's problems by field; problems of the record as a whole under "".</summary>
    public static Dictionary<string, string> Errors(OrgPlan plan) => plan.Problems
        .GroupBy(p => p.Field ?? "")
        .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Message)));
}
