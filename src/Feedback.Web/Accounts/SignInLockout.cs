using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Accounts;

/// <summary>The sign-in lockout per user name and client address (<see cref="SignInFailure"/>).</summary>
public sealed class SignInLockout(FeedbackDbContext db, IOptions<AccountOptions> options)
{
    /// <summary>Longer input is cut for the key: no stored name is this long, and a key must not grow with the input.</summary>
    private const int MaxNameLength = 64;

    /// <summary>Rows of pairs neither locked nor failing for this long are forgotten.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    public async Task<DateTimeOffset?> LockedUntilAsync(string userName, string address, DateTimeOffset now, CancellationToken ct)
    {
        var name = Key(userName);
        var until = await db.SignInFailures.AsNoTracking()
            .Where(f => f.UserName == name && f.Address == address)
            .Select(f => f.LockedUntil).SingleOrDefaultAsync(ct);
        return until > now ? until : null;
    }

    /// <summary>Counts a wrong password in one statement (parallel guesses cannot slip past the limit); the lock's end when this one locked the pair.</summary>
    public async Task<DateTimeOffset?> CountFailureAsync(string userName, string address, DateTimeOffset now, CancellationToken ct)
    {
        var (max, until) = (options.Value.MaxFailedAttempts, now + options.Value.LockoutDuration);
        var lockedUntil = await db.Database.SqlQuery<DateTimeOffset?>($"""
            INSERT INTO sign_in_failures AS f (user_name, address, failures, locked_until, updated_at)
            VALUES ({Key(userName)}, {address}, CASE WHEN 1 >= {max} THEN 0 ELSE 1 END, CASE WHEN 1 >= {max} THEN {until} END, {now})
            ON CONFLICT (user_name, address) DO UPDATE SET
                failures = CASE WHEN f.failures + 1 >= {max} THEN 0 ELSE f.failures + 1 END,
                locked_until = CASE WHEN f.failures + 1 >= {max} THEN {until} ELSE f.locked_until END,
                updated_at = {now}
            RETURNING f.locked_until AS "Value"
            """).AsAsyncEnumerable().SingleAsync(ct);
        return lockedUntil > now ? lockedUntil : null;
    }

    /// <summary>
    /// Deletes pairs neither locked nor failing for a day; run by the hourly sweep (<see cref="Qr.QrDeviceSweeper"/>),
    /// not on every wrong password, which an attacker could otherwise turn into a table scan per guess.
    /// </summary>
    public static async Task<int> ForgetOldAsync(Npgsql.NpgsqlDataSource dataSource, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM sign_in_failures WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $2)");
        command.Parameters.Add(new() { Value = now - Forget });
        command.Parameters.Add(new() { Value = now });
        return await command.ExecuteNonQueryAsync(ct);
    }

    public Task SucceededAsync(string userName, string address, CancellationToken ct)
    {
        var name = Key(userName);
        return db.SignInFailures.Where(f => f.UserName == name && f.Address == address).ExecuteDeleteAsync(ct);
    }

    /// <summary>An admin's password reset lifts the person's lockouts from every address.</summary>
    public Task ClearAsync(string userName, CancellationToken ct)
    {
        var name = Key(userName);
        return db.SignInFailures.Where(f => f.UserName == name).ExecuteDeleteAsync(ct);
    }

    private static string Key(string userName) => userName.Length <= MaxNameLength ? userName : userName[..MaxNameLength];
}
