using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Accounts;

public sealed record NewUser(string UserName, string DisplayName, string Role, string? DepartmentCode, string Password)
{
    /// <summary>Accounts an admin creates: the person chooses their own password at the first sign-in.</summary>
    public bool MustChangePassword { get; init; }
}

/// <summary>
/// A change to a person; null leaves that part as it is, except that a new role without a department of its own drops
/// the old department. A form sets <see cref="ExactDepartment"/>: what it sends is the department, empty meaning none.
/// </summary>
public sealed record UserChange(string? DisplayName = null, string? Role = null, string? DepartmentCode = null, bool? Disabled = null)
{
    public bool ExactDepartment { get; init; }
}

/// <summary>The outcome of a sign-in attempt: the user on success, the end of the lockout when locked.</summary>
public sealed record SignInAttempt(User? User, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates, changes and signs in people; every change is recorded in the admin audit log in its own transaction.</summary>
public sealed class UserService(
    FeedbackDbContext db, IPasswordHasher<User> hasher, IOptions<AccountOptions> options, TimeProvider time, AdminAudit audit, SignInLockout lockout)
{
    /// <summary>Actor of changes made by code without a person (the demo, benchmarks).</summary>
    public const string SystemActor = "system";

    // Unknown names are checked against this too, so that response time does not reveal which names exist.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(null!, "not a password"));

    public Task<User> CreateAsync(NewUser request, CancellationToken ct) => CreateAsync(request, SystemActor, ct);

    /// <summary>Creates a user; bad input is a <see cref="RefusedInputException"/> and nothing is written.</summary>
    public async Task<User> CreateAsync(NewUser request, string actor, CancellationToken ct)
    {
        var department = string.IsNullOrWhiteSpace(request.DepartmentCode) ? null : request.DepartmentCode.Trim();
        await UserRules.ValidateNewAsync(db, request with { DepartmentCode = department }, options.Value.MinPasswordLength, ct);
        var user = new User
        {
            UserName = request.UserName,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName : request.DisplayName.Trim(),
            Role = request.Role,
            DepartmentCode = department,
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = request.MustChangePassword,
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password);
        db.Users.Add(user);
        audit.Record(actor, UserRecord.Kind, user.UserName, "created", null, UserRecord.Of(user));
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>
    /// Signs a person in from a client address. Every path costs one password check and the same queries, and a
    /// locked pair or an unknown name answers as a wrong password does (but for the lock's end), so neither the answer
    /// nor its timing says whether a name exists.
    /// </summary>
    public async Task<SignInAttempt> SignInAsync(string userName, string password, string address, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        var lockedUntil = await lockout.LockedUntilAsync(userName, address, now, ct);
        var verdict = PasswordVerificationResult.Failed;
        if (user is { Disabled: false })
            verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        else
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
        if (lockedUntil is not null)
        {
            return new(null, lockedUntil);
        }
        if (user is not { Disabled: false } || verdict == PasswordVerificationResult.Failed)
        {
            return new(null, await lockout.CountFailureAsync(userName, address, now, ct));
        }
        // Older hashes (fewer iterations) are upgraded while the password is at hand.
        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LastSignInAt, now)
            .SetProperty(u => u.PasswordHash, hash), ct);
        await lockout.SucceededAsync(userName, address, ct);
        return new(user, null);
    }

    /// <summary>The command line's form: the user by name.</summary>
    public async Task<User> UpdateAsync(string userName, UserChange change, string actor, CancellationToken ct)
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw new RefusedInputException("userName", $"No user named '{userName}'.", $"没有用户名为“{userName}”的人员。");
        return await UpdateAsync(id, change, actor, ct);
    }

    /// <summary>
    /// Changes a person's name, role, department or whether the account may sign in (see <see cref="UserChange"/>). The
    /// active admins are locked first, so two admins disabling each other at the same moment cannot leave the centre without one.
    /// </summary>
    public async Task<User> UpdateAsync(int id, UserChange change, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE role = {Roles.Admin} AND NOT disabled FOR UPDATE", ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new RefusedInputException("id", $"No user with id {id}.", "该人员不存在。");
        var before = UserRecord.Of(user);
        var department = string.IsNullOrWhiteSpace(change.DepartmentCode) ? null : change.DepartmentCode.Trim();
        user.DisplayName = string.IsNullOrWhiteSpace(change.DisplayName) ? user.DisplayName : change.DisplayName.Trim();
        user.Role = change.Role ?? user.Role;
        user.DepartmentCode = change.ExactDepartment ? department
            : department ?? (Roles.NeedsDepartment(user.Role) || change.Role is null ? user.DepartmentCode : null);
        user.Disabled = change.Disabled ?? user.Disabled;
        try
        {
            await UserRules.ValidateChangeAsync(db, user, before, ct);
        }
        catch (RefusedInputException)
        {
            // The page that shows the refusal reads this person again from the same context: not the refused values.
            db.ChangeTracker.Clear();
            throw;
        }
        var after = UserRecord.Of(user);
        if (after != before)
        {
            audit.Record(actor, UserRecord.Kind, user.UserName, UserRecord.ActionOf(before, after), before, after);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return user;
    }
}
