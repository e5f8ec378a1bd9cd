using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;

namespace Feedback.Web.Demo;

/// <summary>
/// The demo centre's register as import rows: 8 departments (with valid 统一社会信用代码), 5 windows each on the
/// department's floor, 3 staff per window and the department's service items. Codes and names are those the demo
/// has always had (D01, W001, S001, I001), so ratings generated for it keep matching.
/// </summary>
internal static class DemoOrganization
{
    public const string AreaCode = "330100";

    public static OrgInput Rows()
    {
        var random = new Random(DemoSeeder.Seed);
        var (departments, windows, staff, items) = (new List<IOrgRow>(), new List<IOrgRow>(), new List<IOrgRow>(), new List<IOrgRow>());
        for (var d = 0; d < DemoData.Departments.Length; d++)
        {
            var (name, itemNames) = DemoData.Departments[d];
            var code = $"D{d + 1:00}";
            departments.Add(new DepartmentRow(code, name, CreditCodeFor(d), AreaCode));
            foreach (var item in itemNames)
            {
                // Every third item is a 承诺件 with a few working days; the rest are done on the spot.
                var promised = items.Count % 3 == 0;
                items.Add(new ServiceItemRow($"I{items.Count + 1:000}", item, code,
                    promised ? ServiceItemKinds.Promised : ServiceItemKinds.Immediate, promised ? 3 + items.Count % 10 : null));
            }
            for (var w = 0; w < 5; w++)
            {
                var window = $"W{d * 5 + w + 1:000}";
                windows.Add(new WindowRow(window, $"{(char)('A' + d)}{w + 1:00}", $"{name}{w + 1}号窗口", code, $"{d / 3 + 1}楼{(char)('A' + d)}区"));
                for (var s = 0; s < 3; s++)
                {
                    var person = DemoData.Surnames[random.Next(DemoData.Surnames.Length)] + DemoData.GivenNames[random.Next(DemoData.GivenNames.Length)];
                    staff.Add(new StaffRow($"S{staff.Count + 1:000}", person, code, window));
                }
            }
        }
        var input = new OrgInput();
        (input.Rows[OrgKind.Departments], input.Rows[OrgKind.Windows], input.Rows[OrgKind.Staff], input.Rows[OrgKind.ServiceItems]) = (departments, windows, staff, items);
        return input;
    }

    /// <summary>A well-formed code for a 机关 (11) registered in the demo city: 11 + area + a made-up 9-character body + check.</summary>
    private static string CreditCodeFor(int department)
    {
        var first17 = $"11{AreaCode}0025{department + 1:00000}";
        return first17 + CreditCode.CheckCharacter(first17);
    }
}
