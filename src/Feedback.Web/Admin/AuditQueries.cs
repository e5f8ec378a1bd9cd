using System.Globalization;
using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Feedback.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Admin;

/// <summary>
/// The audit log's filters, from the query string: kind, key and actor (the start of either is enough), a date range
/// in the centre's zone (yyyy-MM-dd, both days included), and <see cref="Before"/>, the last id of the previous page.
/// </summary>
public sealed record AuditFilter(string? Kind, string? Key, string? Actor, string? From, string? To, long? Before);

/// <summary>A page of entries, newest first; <see cref="Error"/> explains a filter that could not be read.</summary>
public sealed record AuditRows(IReadOnlyList<AdminAuditEntry> Rows, long? NextBefore, string? Error);

internal static class AuditQueries
{
    public const int PageSize = 50;

    /// <summary>Newest first by id (ids grow as entries are written), a page at a time: keyset on the primary key.</summary>
    public static async Task<AuditRows> ListAsync(FeedbackDbContext db, AuditFilter filter, CentreTime centre, int pageSize, CancellationToken ct)
    {
        if (!TryDay(filter.From, out var from) || !TryDay(filter.To, out var to))
            return new([], null, "日期格式应为 年-月-日，例如 2026-12-03。");
        if (from > to)
            return new([], null, "开始日期晚于结束日期。");
        var query = db.AdminAudit.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Kind))
            query = query.Where(e => e.EntityKind == filter.Kind);
        if (!string.IsNullOrWhiteSpace(filter.Key))
            query = query.Where(e => EF.Functions.ILike(e.EntityKey, Prefix(filter.Key), "\\"));
        if (!string.IsNullOrWhiteSpace(filter.Actor))
            query = query.Where(e => EF.Functions.ILike(e.Actor, Prefix(filter.Actor), "\\"));
        if (from is { } first)
        {
            var start = centre.StartOfDay(first);
            query = query.Where(e => e.At >= start);
        }
        if (to is { } last)
        {
            var end = centre.StartOfDay(last.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        if (filter.Before is { } before)
            query = query.Where(e => e.Id < before);
        var rows = await query.OrderByDescending(e => e.Id).Take(pageSize + 1).ToListAsync(ct);
        return rows.Count > pageSize ? new(rows[..pageSize], rows[pageSize - 1].Id, null) : new(rows, null, null);
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var ok = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        day = ok ? parsed : null;
        return ok;
    }

    private static string Prefix(string text) => text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
