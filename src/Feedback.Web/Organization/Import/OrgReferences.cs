namespace Feedback.Web.Organization.Import;

/// <summary>
/// References in the register as it would be after the input: every window, person and item names a department that
/// exists, and an open or active one needs an active department; a person's current window belongs to their own
/// department. A broken reference is reported on the input row that breaks it (the person moved, or the window that
/// changed department, or the department retired); references that were broken before and that the input does not
/// touch are left alone.
/// </summary>
internal sealed class OrgReferences(
    OrgState state, Dictionary<OrgKind, IOrgRow?[]> good, Dictionary<OrgKind, Dictionary<string, IOrgRow>> result, OrgProblems problems)
{
    private readonly Dictionary<OrgKind, Dictionary<string, int>> _given = good.ToDictionary(
        g => g.Key, g => g.Value.Select((row, i) => (row, i)).Where(x => x.row is not null).ToDictionary(x => x.row!.Code, x => x.i, StringComparer.Ordinal));
    // Children that break a reference they did not change themselves, by the input row that did (the culprit).
    private readonly Dictionary<(OrgKind Kind, int Index, string Field), List<string>> _blamed = [];

    public void Check()
    {
        var departments = result[OrgKind.Departments];
        foreach (var kind in (OrgKind[])[OrgKind.Windows, OrgKind.Staff, OrgKind.ServiceItems])
        {
            foreach (var row in result[kind].Values)
            {
                var department = Department(row);
                if (!departments.TryGetValue(department, out var owner))
                    Report(kind, row, "departmentCode", $"部门编码「{department}」不存在：部门表和系统里都没有这个部门。");
                else if (row.Active && !owner.Active)
                    Blame(kind, row, "departmentCode", OrgKind.Departments, owner.Code, "active", $"部门「{owner.Name}」（{owner.Code}）已撤销或将被撤销，{Noun(kind)}不能仍为启用状态。");
                if (row is StaffRow { WindowCode: { } window } person)
                    CheckWindow(person, window);
            }
        }
        foreach (var ((kind, index, field), children) in _blamed)
        {
            var shown = string.Join("、", children.Take(5)) + (children.Count > 5 ? $" 等 {children.Count} 条" : "");
            problems.Add(kind, index, field, kind == OrgKind.Departments
                ? $"撤销后，下列记录仍属于该部门且为启用状态：{shown}。请在同一文件里一并停用或改到其他部门。"
                : $"改属其他部门后，下列在岗人员仍在这个窗口、却属于原部门：{shown}。请在同一文件里一并调整。");
        }
    }

    private void CheckWindow(StaffRow person, string window)
    {
        if (!result[OrgKind.Windows].TryGetValue(window, out var place))
            Report(OrgKind.Staff, person, "windowCode", $"窗口编码「{window}」不存在。");
        else if (person.Active && ((WindowRow)place).DepartmentCode != person.DepartmentCode)
            Blame(OrgKind.Staff, person, "windowCode", OrgKind.Windows, window, "departmentCode",
                $"窗口「{place.Name}」（{window}）属于部门「{((WindowRow)place).DepartmentCode}」，与该人员的部门「{person.DepartmentCode}」不一致。");
    }

    /// <summary>On the row itself if the input gives it; otherwise the parent's input row takes the blame; otherwise nobody changed anything here.</summary>
    private void Blame(OrgKind kind, IOrgRow row, string field, OrgKind parentKind, string parentCode, string parentField, string message)
    {
        if (_given.GetValueOrDefault(kind)?.TryGetValue(row.Code, out var index) == true)
        {
            problems.Add(kind, index, field, message);
        }
        else if (_given.GetValueOrDefault(parentKind)?.TryGetValue(parentCode, out var parent) == true)
        {
            var key = (parentKind, parent, parentField);
            (_blamed.TryGetValue(key, out var list) ? list : _blamed[key] = []).Add($"{row.Code}（{row.Name}）");
        }
        else if (state[parentKind].GetValueOrDefault(parentCode) is { RetiredAt: null } && good.ContainsKey(parentKind))
        {
            // Retired by --retire-missing: there is no row to point at, so the sheet gets the problem.
            problems.Add(parentKind, null, parentCode, $"「{parentCode}」不在文件中、将被停用，但 {row.Code}（{row.Name}）仍属于它且为启用状态。");
        }
    }

    private void Report(OrgKind kind, IOrgRow row, string field, string message)
    {
        if (_given.GetValueOrDefault(kind)?.TryGetValue(row.Code, out var index) == true)
            problems.Add(kind, index, field, message);
    }

    private static string Department(IOrgRow row) => row switch
    {
        WindowRow w => w.DepartmentCode,
        StaffRow s => s.DepartmentCode,
        ServiceItemRow i => i.DepartmentCode,
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    private static string Noun(OrgKind kind) => kind switch
    {
        OrgKind.Windows => "其窗口",
        OrgKind.Staff => "其人员",
        _ => "其事项",
    };
}
