using System.Security.Cryptography;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Accounts;

/// <summary>A password reset by an admin: the temporary password, shown once, and whether it was generated.</summary>
public sealed record PasswordReset(User User, string TemporaryPassword, bool Generated);

/// <summary>Admins reset passwords; people change their own. Neither the password nor its hash reaches the audit log.</summary>
public sealed class UserPasswords(
    FeedbackDbContext db, IPasswordHasher<User> hasher, IOptions<AccountOptions> options, TimeProvider time, AdminAudit audit, SignInLockout lockout)
{
    // No 0/O, 1/l/I: the person types it from a note or the phone.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>
    /// Sets a temporary password (the admin's, or a generated one when blank) that must be changed at the next sign-in.
    /// The person's lockouts are lifted (from every address), and their open sessions end at their next check.
    /// </summary>
    public async Task<PasswordReset> ResetAsync(int id, string? password, string actor, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new RefusedInputException("id", $"No user with id {id}.", "该人员不存在。");
        var generated = string.IsNullOrEmpty(password);
        var temporary = generated ? Generate(user.UserName, options.Value.MinPasswordLength) : password!;
        PasswordRule.Check(temporary, user.UserName, options.Value.MinPasswordLength);
        var before = UserRecord.Of(user);
        SetPassword(user, temporary, mustChange: true);
        audit.Record(actor, UserRecord.Kind, user.UserName, "password_reset", before, UserRecord.Of(user));
        await db.SaveChangesAsync(ct);
        await lockout.ClearAsync(user.UserName, ct);
        return new(user, temporary, generated);
    }

    /// <summary>A person's own change: the current password proves it is them, the new one must follow the rule.</summary>
    public async Task<User> ChangeAsync(int id, string current, string next, string confirm, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && !u.Disabled, ct)
            ?? throw new RefusedInputException("id", $"No active user with id {id}.", "该账号不存在或已停用。");
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
            throw new RefusedInputException("currentPassword", "The current password is wrong.", "当前密码不正确。");
        if (next != confirm)
            throw new RefusedInputException("confirmPassword", "The new passwords differ.", "两次输入的新密码不一致。");
        if (next == current)
            throw new RefusedInputException("newPassword", "The new password equals the current one.", "新密码不能与当前密码相同。");
        PasswordRule.Check(next, user.UserName, options.Value.MinPasswordLength, "newPassword");
        var before = UserRecord.Of(user);
        SetPassword(user, next, mustChange: false);
        audit.Record(user.UserName, UserRecord.Kind, user.UserName, "password_changed", before, UserRecord.Of(user));
        await db.SaveChangesAsync(ct);
        return user;
    }

    private void SetPassword(User user, string password, bool mustChange)
    {
        var now = time.GetUtcNow();
        user.PasswordHash = hasher.HashPassword(user, password);
        user.MustChangePassword = mustChange;
        // Whole microseconds, as PostgreSQL stores them: the new cookie's stamp must equal the stored one.
        user.PasswordChangedAt = now.AddTicks(-(now.UtcTicks % 10));
    }

    /// <summary>A random temporary password: groups of four joined by '-', at least three, as many as the minimum length needs.</summary>
    public static string Generate(string userName, int minLength)
    {
        var groups = Math.Max(3, (minLength + 5) / 5);
        while (true)
        {
            var password = string.Join('-', Enumerable.Range(0, groups).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));
            try
            {
                PasswordRule.Check(password, userName, minLength);
                return password;
            }
            catch (RefusedInputException)
            {
                // Astronomically rare (e.g. it happens to contain the user name): draw again.
            }
        }
    }
}
