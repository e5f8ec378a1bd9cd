using System.Globalization;
using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Notifications;

public sealed record InboxItem(long Id, long? CaseId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, bool Read);

/// <summary>The in-app inbox of one signed-in person: messages to their role (and department) and to them alone, newest first.</summary>
public sealed class Inbox(FeedbackDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<InboxItem> Items, int Unread)> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        var items = await Mine(user).OrderByDescending(m => m.Id).Take(PageSize)
            .Select(m => new InboxItem(m.Id, m.CaseId, m.Kind, m.Title, m.Body, m.CreatedAt, db.InboxReads.Any(r => r.MessageId == m.Id && r.UserId == userId)))
            .ToListAsync(ct);
        return (items, await UnreadAsync(user, ct));
    }

    /// <summary>Unread messages, for the count every officer page shows.</summary>
    public Task<int> UnreadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        return Mine(user).CountAsync(m => !db.InboxReads.Any(r => r.MessageId == m.Id && r.UserId == userId), ct);
    }

    /// <returns>False if the message is not addressed to this person.</returns>
    public async Task<bool> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken ct)
    {
        if (!await Mine(user).AnyAsync(m => m.Id == id, ct))
            return false;
        var userId = UserId(user);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_reads (message_id, user_id, read_at) VALUES ({id}, {userId}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING", ct);
        return true;
    }

    private IQueryable<InboxMessage> Mine(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role);
        var department = user.FindFirstValue(AccountsExtensions.DepartmentClaim);
        var userId = UserId(user);
        var messages = db.InboxMessages.AsNoTracking();
        // Admins see every message to a role, to check that notices reach people; a message to one person is theirs alone.
        return role == Roles.Admin
            ? messages.Where(m => m.UserId == null || m.UserId == userId)
            : messages.Where(m => (m.UserId == null && m.Role == role && (m.DepartmentCode == null || m.DepartmentCode == department)) || m.UserId == userId);
    }

    private static int UserId(ClaimsPrincipal user) => int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
}
