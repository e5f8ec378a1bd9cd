using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feedback.Web.Accounts;

/// <summary>
/// A cookie carries the role and department it was issued with for hours. At most every
/// <see cref="AccountOptions.SessionCheckInterval"/> the person is read again: a disabled or deleted account, or a changed
/// role or department, ends the session, so taking someone's rights away takes effect within that interval. A session
/// ended by signing out is refused on every request (one indexed lookup), in every process.
/// </summary>
internal static class SessionValidator
{
    private const string CheckedAt = "checked-at";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var interval = services.GetRequiredService<IOptions<AccountOptions>>().Value.SessionCheckInterval;
        var due = !(context.Properties.Items.TryGetValue(CheckedAt, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var ticks)
            && now.UtcTicks - ticks < interval.Ticks);
        var ct = context.HttpContext.RequestAborted;
        // One query per request: whether the session was ended, and when the minute is due the account in the same round trip.
        var valid = UserPrincipal.Session(context.Principal!) is { } session
            && (due ? await StillValidAsync(dataSource, session, context.Principal!, ct) : !await EndedAsync(dataSource, session, ct));
        if (!valid)
        {
            // Ended by signing out, issued before sessions had ids, or the account changed.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccountsExtensions.CookieScheme);
            return;
        }
        if (due)
        {
            context.Properties.Items[CheckedAt] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }
    }

    private static async Task<bool> EndedAsync(NpgsqlDataSource dataSource, Guid session, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM ended_sessions WHERE id = $1)");
        command.Parameters.Add(new() { Value = session });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The session not ended and the account as the cookie says: one statement.</summary>
    private static async Task<bool> StillValidAsync(NpgsqlDataSource dataSource, Guid session, ClaimsPrincipal principal, CancellationToken ct)
    {
        if (UserPrincipal.Id(principal) is not { } id)
            return false;
        await using var command = dataSource.CreateCommand("""
            SELECT role, department_code, disabled, password_changed_at FROM users
            WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ended_sessions WHERE id = $2)
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = session });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            && !reader.GetBoolean(2)
            && reader.GetString(0) == principal.FindFirstValue(ClaimTypes.Role)
            && (reader.IsDBNull(1) ? null : reader.GetString(1)) == principal.FindFirstValue(AccountsExtensions.DepartmentClaim)
            && UserPrincipal.Stamp(reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)) == principal.FindFirstValue(UserPrincipal.PasswordStampClaim);
    }
}
