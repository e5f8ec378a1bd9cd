using Feedback.Tests.Infrastructure;
using Feedback.Web.Organization;
using Feedback.Web.Organization.Import;

namespace Feedback.Tests.Organization;

/// <summary>
/// Importing into the demo centre's register. Tests share the database, so each uses codes of its own; tests that
/// retire what is absent from a file have a class of their own.
/// </summary>
public sealed class OrgImportTests(FeedbackApp app) : IClassFixture<FeedbackApp>
{
    private const string Credit = "11330100002500001X";

    [Fact]
    public async Task Import_NewRecords_AddsThemAllAndASecondRunChangesNothing()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D90", "示范市数据局", Credit, "330100"), new DepartmentRow("D91", "示范市残联")],
            [new WindowRow("W900", "F01", "数据综合窗口", "D90", "三楼F区"), new WindowRow("W901", "F02", "残疾人证窗口", "D91")],
            [new StaffRow("S900", "赵敏", "D90", "W900"), new StaffRow("S901", "钱伟", "D91")],
            [new ServiceItemRow("I900", "公共数据开放申请", "D90", ServiceItemKinds.Promised, 10), new ServiceItemRow("I901", "残疾人证换领", "D91")]));

        var first = await app.ImportAsync(OrgFiles.Read(file, "centre.xlsx"));
        var audited = await app.ScalarAsync("SELECT count(*) FROM admin_audit");
        var second = await app.ImportAsync(OrgFiles.Read(file, "centre.xlsx"));

        Assert.Equal(OrgOutcome.Applied, first.Outcome);
        Assert.Equal(8, first.Plan.Count(OrgAction.Created));
        Assert.Equal(new ServiceItemRow("I900", "公共数据开放申请", "D90", ServiceItemKinds.Promised, 10), (await app.FindAsync(OrgKind.ServiceItems, "I900"))!.Row);
        Assert.Equal(new StaffRow("S900", "赵敏", "D90", "W900"), (await app.FindAsync(OrgKind.Staff, "S900"))!.Row);
        Assert.Equal(OrgOutcome.Unchanged, second.Outcome);
        Assert.Equal(8, second.Plan.Unchanged);
        Assert.Equal(audited, await app.ScalarAsync("SELECT count(*) FROM admin_audit"));
    }

    [Fact]
    public async Task Import_OneBadRowInTheLastSheet_AppliesNothingAtAll()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D92", "示范市侨办")], [new WindowRow("W920", "G01", "侨务窗口", "D92")], [new StaffRow("S920", "孙丽", "D92", "W920")],
            [new ServiceItemRow("I920", "华侨身份确认", "D92"), new ServiceItemRow("I921", "归侨证明", "D92", ServiceItemKinds.Promised)]));
        var before = await app.ScalarAsync("SELECT count(*) FROM admin_audit");

        var result = await app.ImportAsync(OrgFiles.Read(file));

        Assert.Equal(OrgOutcome.Invalid, result.Outcome);
        Assert.Equal("工作表「事项」 第3行 E列「承诺时限（工作日）」：承诺件须填写承诺时限：1 至 365 个工作日。", Assert.Single(OrgFiles.Described(result.Plan)));
        Assert.Null(await app.FindAsync(OrgKind.Departments, "D92"));
        Assert.Null(await app.FindAsync(OrgKind.Windows, "W920"));
        Assert.Equal(before, await app.ScalarAsync("SELECT count(*) FROM admin_audit"));
    }

    [Fact]
    public async Task Check_ValidFile_ListsTheChangesAndAppliesNothing()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(
            [new DepartmentRow("D01", "示范市人力资源和社会保障局（更名）", null, null)],
            [new WindowRow("W930", "H01", "新窗口", "D01")], [new StaffRow("S001", "改名", "D01", "W001", Active: false)],
            [new ServiceItemRow("I001", "社会保障卡申领", "D01", ServiceItemKinds.Promised, 3)]));

        var result = await app.ImportAsync(OrgFiles.Read(file), check: true);

        Assert.Equal(OrgOutcome.Checked, result.Outcome);
        Assert.Equal([(OrgKind.Departments, OrgAction.Updated), (OrgKind.Windows, OrgAction.Created), (OrgKind.Staff, OrgAction.Retired)],
            result.Plan.Changes.Select(c => (c.Kind, c.Action)));
        Assert.Equal(1, result.Plan.Unchanged);
        Assert.Equal("人力资源和社会保障局", (await app.FindAsync(OrgKind.Departments, "D01"))!.Row.Name);
        Assert.Null(await app.FindAsync(OrgKind.Windows, "W930"));
        Assert.Null((await app.FindAsync(OrgKind.Staff, "S001"))!.RetiredAt);
    }

    [Fact]
    public async Task Import_DuplicateCodeInTheFile_IsNamedWithBothRows()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W940", "J01", "甲", "D01"), new WindowRow("W940", "J02", "乙", "D01")]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.Equal("工作表「窗口」 第3行 A列「窗口编码」：编码「W940」重复，与第2行相同。", Assert.Single(problems));
    }

    [Fact]
    public async Task Import_CodeOfARetiredRecordForSomeoneElse_IsRefusedButTheSamePersonComesBack()
    {
        await app.ImportAsync(OrgKind.Staff, new StaffRow("S950", "张三", "D01"));
        await app.ImportAsync(OrgKind.Staff, new StaffRow("S950", "张三", "D01", Active: false));

        var reused = await app.ImportAsync(OrgFiles.Read(OrgFiles.Xlsx(OrgFiles.Layout(staff: [new StaffRow("S950", "李四", "D02")]))));
        var back = await app.ImportAsync(OrgKind.Staff, new StaffRow("S950", "张三", "D01"));

        Assert.StartsWith("工作表「人员」 第2行 A列「工号」：编码「S950」属于已停用的「张三」", Assert.Single(OrgFiles.Described(reused.Plan)));
        Assert.Equal(OrgAction.Restored, Assert.Single(back.Plan.Changes).Action);
        Assert.Null((await app.FindAsync(OrgKind.Staff, "S950"))!.RetiredAt);
    }

    [Fact]
    public async Task Import_PersonAtAWindowOfAnotherDepartment_IsNamed()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(staff: [new StaffRow("S960", "周杰", "D02", "W001")]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.Equal("工作表「人员」 第2行 D列「当前窗口编码」：窗口「人力资源和社会保障局1号窗口」（W001）属于部门「D01」，与该人员的部门「D02」不一致。",
            Assert.Single(problems));
    }

    [Fact]
    public async Task Import_WindowMovedToAnotherDepartmentWhileItsStaffStay_IsNamedOnTheWindow()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W002", "A02", "人力资源和社会保障局2号窗口", "D02", "1楼A区")]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.StartsWith("工作表「窗口」 第2行 D列「所属部门编码」：改属其他部门后，下列在岗人员仍在这个窗口、却属于原部门：S004", Assert.Single(problems));
    }

    [Fact]
    public async Task Import_UnknownDepartment_IsNamed()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(windows: [new WindowRow("W970", "K01", "窗口", "D99")]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.Equal("工作表「窗口」 第2行 D列「所属部门编码」：部门编码「D99」不存在：部门表和系统里都没有这个部门。", Assert.Single(problems));
    }

    [Fact]
    public async Task Import_CreditCodeWithAWrongCheckCharacter_IsNamed()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout([new DepartmentRow("D93", "某局", "9144030071526726xh", "440300")]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.Equal("工作表「部门」 第2行 C列「统一社会信用代码」：统一社会信用代码「9144030071526726XH」校验位错误：按 GB 32100 计算，第18位应为「G」，这里是「H」。请核对代码是否抄错。",
            Assert.Single(problems));
    }

    [Fact]
    public async Task Import_NameOverTheLimit_IsNamed()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout(staff: [new StaffRow("S970", new string('名', 51), "D01")]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.Equal("工作表「人员」 第2行 B列「姓名」：长度 51 个字，超过上限 50 个字。", Assert.Single(problems));
    }

    [Fact]
    public async Task Import_DepartmentRetiredWhileItsWindowsStayOpen_IsNamedOnTheDepartment()
    {
        var file = OrgFiles.Xlsx(OrgFiles.Layout([new DepartmentRow("D08", "民政局", Active: false)]));

        var problems = OrgFiles.Described((await app.ImportAsync(OrgFiles.Read(file))).Plan);

        Assert.StartsWith("工作表「部门」 第2行 E列「状态」：撤销后，下列记录仍属于该部门且为启用状态：W036（民政局1号窗口）", Assert.Single(problems));
    }

    [Fact]
    public async Task Import_UnreadableFile_IsNamedAndAppliesNothing()
    {
        var result = await app.ImportAsync(OrgFiles.Read(System.Text.Encoding.UTF8.GetBytes("姓名,工号\n张三,1\n"), "people.xlsx"));

        Assert.Equal(OrgOutcome.Invalid, result.Outcome);
        Assert.Contains("不是电子表格", Assert.Single(OrgFiles.Described(result.Plan)));
    }

    [Fact]
    public async Task Import_EachChange_WritesAnAuditEntryWithBeforeAndAfter()
    {
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W980", "L01", "临时窗口", "D03"));
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W980", "L01", "综合窗口", "D03", "二楼"));
        await app.ImportAsync(OrgKind.Windows, new WindowRow("W980", "L01", "综合窗口", "D03", "二楼", Active: false));

        var entries = await app.AuditAsync("window", "W980");

        Assert.Equal(["created", "updated", "retired"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("test", e.Actor));
        Assert.Null(entries[0].Before);
        Assert.Contains("\"name\": \"临时窗口\"", entries[1].Before);
        Assert.Contains("\"hall\": \"二楼\"", entries[1].After);
        Assert.Contains("\"active\": false", entries[2].After);
    }

    [Fact]
    public async Task Import_ManyChanges_AreAuditedInBulkWithTheSameEntriesAndOneForTheFile()
    {
        var staff = Enumerable.Range(0, OrgAuditTrail.BulkFrom + 100).Select(i => new StaffRow($"B{i:0000}", $"批量{i}", "D04")).ToList();
        var file = OrgFiles.Xlsx(OrgFiles.Layout(staff: staff));

        var result = await app.ImportAsync(OrgFiles.Read(file, "bulk.xlsx"));

        Assert.Equal(staff.Count, result.Plan.Count(OrgAction.Created));
        Assert.Equal(staff.Count, await app.ScalarAsync("SELECT count(*) FROM admin_audit WHERE entity_kind = 'staff' AND entity_key LIKE 'B%' AND action = 'created'"));
        var entry = Assert.Single(await app.AuditAsync("staff", "B0042"));
        Assert.Equal("{\"code\": \"B0042\", \"name\": \"批量42\", \"active\": true, \"windowCode\": null, \"departmentCode\": \"D04\"}", entry.After);
        var import = Assert.Single(await app.AuditAsync(OrgAuditTrail.ImportKind, "bulk.xlsx"));
        Assert.Contains("\"added\": 600", import.After);
    }

    [Fact]
    public async Task ExportThenImport_RoundTripsAndAnEditChangesOnlyThatRecord()
    {
        await app.ImportAsync(OrgKind.ServiceItems, new ServiceItemRow("I990", "已停办事项", "D05", Active: false));
        var exported = OrgFileWriter.Xlsx(await app.RegisterAsync());
        var folder = Path.Combine(Path.GetTempPath(), $"org-export-{Guid.NewGuid():N}");
        await OrgFileWriter.WriteAsync(folder, await app.RegisterAsync(), TestContext.Current.CancellationToken);

        var again = await app.ImportAsync(OrgFiles.Read(exported));
        var fromCsv = await app.ImportAsync(OrgFileReader.ReadFolder(folder));
        var edited = OrgFiles.Read(exported);
        edited.Rows[OrgKind.Windows][10] = ((WindowRow)edited.Rows[OrgKind.Windows][10]) with { Hall = "五楼" };
        var change = await app.ImportAsync(edited);
        Directory.Delete(folder, recursive: true);

        Assert.Equal(OrgOutcome.Unchanged, again.Outcome);
        Assert.Equal(OrgOutcome.Unchanged, fromCsv.Outcome);
        Assert.Equal((OrgKind.Windows, OrgAction.Updated), (Assert.Single(change.Plan.Changes).Kind, change.Plan.Changes[0].Action));
        Assert.NotNull((await app.FindAsync(OrgKind.ServiceItems, "I990"))!.RetiredAt);
    }
}
