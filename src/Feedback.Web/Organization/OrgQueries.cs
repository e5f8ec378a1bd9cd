using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Organization;

/// <summary>A record of the register as the admin pages list it: the row, when it was retired, and its department's name.</summary>
public sealed record OrgListItem(IOrgRow Row, DateTimeOffset? RetiredAt, string? DepartmentName);

public sealed record OrgPage(IReadOnlyList<OrgListItem> Items, int Total);

/// <summary>A department offered in a form's list.</summary>
public sealed record DepartmentChoice(string Code, string Name, bool Active);

/// <summary>Reads the register: whole kinds for the API and the export, pages of one kind with a search for the admin pages.</summary>
internal sealed class OrgQueries(FeedbackDbContext db)
{
    public async Task<IReadOnlyList<IOrgRow>> RowsAsync(OrgKind kind, CancellationToken ct) =>
        [.. (await ItemsAsync(kind, null, null, ct)).Select(i => i.Row)];

    /// <param name="search">Part of a code or name (case-insensitive), or null for all.</param>
    /// <param name="active">true: active only; false: retired only; null: both.</param>
    public async Task<OrgPage> PageAsync(OrgKind kind, string? search, bool? active, int page, int pageSize, CancellationToken ct)
    {
        var total = kind switch
        {
            OrgKind.Departments => await Filter(db.Departments, search, active, null).CountAsync(ct),
            OrgKind.Windows => await Filter(db.Windows, search, active, null).CountAsync(ct),
            OrgKind.Staff => await Filter(db.Staff, search, active, null).CountAsync(ct),
            _ => await Filter(db.ServiceItems, search, active, null).CountAsync(ct),
        };
        var items = await ItemsAsync(kind, search, active, ct, skip: (page - 1) * pageSize, take: pageSize);
        if (kind != OrgKind.Departments)
        {
            var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
            items = [.. items.Select(i => i with { DepartmentName = names.GetValueOrDefault(Department(i.Row)) })];
        }
        return new OrgPage(items, total);
    }

    public async Task<IReadOnlyList<DepartmentChoice>> DepartmentsAsync(CancellationToken ct) =>
        await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentChoice(d.Code, d.Name, d.RetiredAt == null)).ToListAsync(ct);

    public async Task<OrgListItem?> FindAsync(OrgKind kind, string code, CancellationToken ct) =>
        (await ItemsAsync(kind, null, null, ct, code)).SingleOrDefault();

    private async Task<List<OrgListItem>> ItemsAsync(OrgKind kind, string? search, bool? active, CancellationToken ct,
        string? code = null, int skip = 0, int take = int.MaxValue) => kind switch
    {
        OrgKind.Departments => await Filter(db.Departments, search, active, code).OrderBy(d => d.Code).Skip(skip).Take(take)
            .Select(d => new OrgListItem(new DepartmentRow(d.Code, d.Name, d.CreditCode, d.AreaCode, d.RetiredAt == null), d.RetiredAt, null)).ToListAsync(ct),
        OrgKind.Windows => await Filter(db.Windows, search, active, code).OrderBy(w => w.Code).Skip(skip).Take(take)
            .Select(w => new OrgListItem(new WindowRow(w.Code, w.Number, w.Name, w.DepartmentCode, w.Hall, w.RetiredAt == null), w.RetiredAt, null)).ToListAsync(ct),
        OrgKind.Staff => await Filter(db.Staff, search, active, code).OrderBy(s => s.Code).Skip(skip).Take(take)
            .Select(s => new OrgListItem(new StaffRow(s.Code, s.Name, s.DepartmentCode, s.WindowCode, s.RetiredAt == null), s.RetiredAt, null)).ToListAsync(ct),
        _ => await Filter(db.ServiceItems, search, active, code).OrderBy(i => i.Code).Skip(skip).Take(take)
            .Select(i => new OrgListItem(new ServiceItemRow(i.Code, i.Name, i.DepartmentCode, i.Kind, (int?)i.PromisedDays, i.RetiredAt == null), i.RetiredAt, null))
            .ToListAsync(ct),
    };

    private static IQueryable<T> Filter<T>(IQueryable<T> rows, string? search, bool? active, string? code) where T : class
    {
        rows = rows.AsNoTracking();
        var pattern = search is null ? null : $"%{search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
        if (code is not null)
            rows = rows.Where(r => EF.Property<string>(r, "Code") == code);
        if (pattern is not null)
            rows = rows.Where(r => EF.Functions.ILike(EF.Property<string>(r, "Code"), pattern) || EF.Functions.ILike(EF.Property<string>(r, "Name"), pattern));
        if (active is { } wanted)
            rows = wanted ? rows.Where(r => EF.Property<DateTimeOffset?>(r, "RetiredAt") == null) : rows.Where(r => EF.Property<DateTimeOffset?>(r, "RetiredAt") != null);
        return rows;
    }

    public static string Department(IOrgRow row) => row switch
    {
        WindowRow w => w.DepartmentCode,
        StaffRow s => s.DepartmentCode,
        ServiceItemRow i => i.DepartmentCode,
        _ => row.Code,
    };
}
