using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Admin;

/// <summary>The people list's filters, from the query string; <see cref="After"/> is the last user name of the previous page.</summary>
public sealed record UserFilter(string? Q, string? Role, string? Department, string? Status, string? After);

/// <summary>A person as the admin pages show them.</summary>
public sealed record UserRow(
    int Id, string UserName, string DisplayName, string Role, string? DepartmentCode, bool Disabled, bool MustChangePassword,
    DateTimeOffset? LockedUntil, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt);

public sealed record UserRows(IReadOnlyList<UserRow> Rows, string? NextAfter);

public sealed record DepartmentOption(string Code, string Name);

internal static class UserList
{
    public const int PageSize = 100;

    /// <summary>Filtered people in user-name order, a page at a time (keyset on the unique user name).</summary>
    public static async Task<UserRows> ListAsync(FeedbackDbContext db, UserFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = $"%{Escape(filter.Q.Trim())}%";
            query = query.Where(u => EF.Functions.ILike(u.UserName, pattern, "\\") || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
        }
        if (!string.IsNullOrEmpty(filter.Role))
            query = query.Where(u => u.Role == filter.Role);
        if (!string.IsNullOrEmpty(filter.Department))
            query = query.Where(u => u.DepartmentCode == filter.Department);
        if (filter.Status is "active" or "disabled")
            query = query.Where(u => u.Disabled == (filter.Status == "disabled"));
        if (!string.IsNullOrEmpty(filter.After))
            query = query.Where(u => string.Compare(u.UserName, filter.After) > 0);
        var rows = await query.OrderBy(u => u.UserName).Take(PageSize + 1).Select(Row(db, now)).ToListAsync(ct);
        return rows.Count > PageSize ? new(rows[..PageSize], rows[PageSize - 1].UserName) : new(rows, null);
    }

    public static Task<UserRow?> FindAsync(FeedbackDbContext db, int id, DateTimeOffset now, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == id).Select(Row(db, now)).SingleOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<DepartmentOption>> DepartmentsAsync(FeedbackDbContext db, CancellationToken ct) =>
        await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentOption(d.Code, d.Name)).ToListAsync(ct);

    /// <summary>A person with the latest end of their sign-in lockouts that still hold (from any address).</summary>
    private static System.Linq.Expressions.Expression<Func<User, UserRow>> Row(FeedbackDbContext db, DateTimeOffset now) => u => new UserRow(
        u.Id, u.UserName, u.DisplayName, u.Role, u.DepartmentCode, u.Disabled, u.MustChangePassword,
        db.SignInFailures.Where(f => f.UserName == u.UserName && f.LockedUntil > now).Max(f => f.LockedUntil),
        u.LastSignInAt, u.CreatedAt);

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
