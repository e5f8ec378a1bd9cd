using Feedback.Web.Organization;

namespace Feedback.Bench;

/// <summary>
/// A province-sized register, the same on every run: departments with valid credit and area codes, their windows,
/// staff at those windows and service items. Codes start with P, so they never meet the demo centre's.
/// </summary>
internal sealed record OrgBenchData(
    List<IOrgRow> Departments, List<IOrgRow> Windows, List<IOrgRow> Staff, List<IOrgRow> Items)
{
    private static readonly string[] Areas = ["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["丽", "伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓燕", "建华", "海燕", "志强", "雪梅"];

    public int Count => Departments.Count + Windows.Count + Staff.Count + Items.Count;

    public static OrgBenchData Generate(int departments, int windows, int staff, int items)
    {
        var data = new OrgBenchData([], [], [], []);
        for (var d = 0; d < departments; d++)
        {
            var area = Areas[d % Areas.Length];
            var first17 = $"11{area}{d + 1:000000000}";
            data.Departments.Add(new DepartmentRow($"P{d + 1:0000}", $"第{d + 1}号委办局", first17 + CreditCode.CheckCharacter(first17), area));
        }
        for (var w = 0; w < windows; w++)
        {
            var department = $"P{w % departments + 1:0000}";
            data.Windows.Add(new WindowRow($"PW{w + 1:00000}", $"{(char)('A' + w % 26)}{w / 26 % 100:00}", $"综合受理{w + 1}号窗口", department, $"{w % 5 + 1}楼{(char)('A' + w % 26)}区"));
        }
        for (var s = 0; s < staff; s++)
        {
            // Every window's people are of its department: window w belongs to department w % departments.
            var window = s % windows;
            data.Staff.Add(new StaffRow($"PS{s + 1:000000}", Surnames[s % Surnames.Length] + Given[s / Surnames.Length % Given.Length],
                $"P{window % departments + 1:0000}", $"PW{window + 1:00000}", Active: s % 50 != 0));
        }
        for (var i = 0; i < items; i++)
        {
            var promised = i % 3 == 0;
            data.Items.Add(new ServiceItemRow($"PI{i + 1:000000}", $"政务服务事项{i + 1}", $"P{i % departments + 1:0000}",
                promised ? ServiceItemKinds.Promised : ServiceItemKinds.Immediate, promised ? 1 + i % 20 : null));
        }
        return data;
    }

    public Dictionary<OrgKind, IReadOnlyList<IOrgRow>> ByKind() => new()
    {
        [OrgKind.Departments] = Departments, [OrgKind.Windows] = Windows, [OrgKind.Staff] = Staff, [OrgKind.ServiceItems] = Items,
    };
}
