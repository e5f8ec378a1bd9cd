using Feedback.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Accounts;

public sealed record NewUser(string UserName, string DisplayName, string Role, string? DepartmentCode, string Password);

/// <summary>The outcome of a sign-in attempt: the user on success, the end of the lockout when locked.</summary>
public sealed record SignInAttempt(User? User, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => User is not null;
}

public sealed class UserService(
    FeedbackDbContext db, IPasswordHasher<User> hasher, IOptions<AccountOptions> options, TimeProvider time)
{
    // Unknown names are checked against this too, so that response time does not reveal which names exist.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(null!, "not a password"));

    /// <summary>Creates a user; bad input is an <see cref="ArgumentException"/> with a message for the operator.</summary>
    public async Task<User> CreateAsync(NewUser request, CancellationToken ct)
    {
        await ValidateAsync(request, ct);
        var user = new User
        {
            UserName = request.UserName,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName : request.DisplayName.Trim(),
            Role = request.Role,
            DepartmentCode = request.DepartmentCode,
            CreatedAt = time.GetUtcNow(),
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task<SignInAttempt> SignInAsync(string userName, string password, CancellationToken ct)
    {
        // Untracked, and counters change by statement: a stale tracked copy must never decide about a lockout.
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return new(null, null);
        }
        if (user.Disabled)
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return new(null, null);
        }
        var now = time.GetUtcNow();
        if (user.LockoutEnd > now)
        {
            return new(null, user.LockoutEnd);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return new(null, await CountFailureAsync(user.Id, now, ct));
        }
        // Older hashes (fewer iterations) are upgraded while the password is at hand.
        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedAttempts, 0)
            .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
            .SetProperty(u => u.PasswordHash, hash), ct);
        return new(user, null);
    }

    /// <summary>Changes a user's role, department or whether the account may sign in; bad input is an <see cref="ArgumentException"/>.</summary>
    public async Task<User> UpdateAsync(string userName, string? role, string? department, bool? disabled, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw new ArgumentException($"No user named '{userName}'.");
        user.Role = role ?? user.Role;
        user.DepartmentCode = Roles.NeedsDepartment(user.Role) ? department ?? user.DepartmentCode : department;
        user.Disabled = disabled ?? user.Disabled;
        await ValidateRoleAsync(user.Role, user.DepartmentCode, ct);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Counts a wrong password in one statement, so that parallel guesses cannot slip past the limit.</summary>
    private async Task<DateTimeOffset?> CountFailureAsync(int id, DateTimeOffset now, CancellationToken ct)
    {
        var max = options.Value.MaxFailedAttempts;
        var until = now + options.Value.LockoutDuration;
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnd, u => u.FailedAttempts + 1 >= max ? until : u.LockoutEnd)
            .SetProperty(u => u.FailedAttempts, u => u.FailedAttempts + 1 >= max ? 0 : u.FailedAttempts + 1), ct);
        var lockoutEnd = await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync(ct);
        return lockoutEnd > now ? lockoutEnd : null;
    }

    private async Task ValidateAsync(NewUser request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 64 || request.UserName.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("User name must be 1-64 characters without spaces.");
        }
        await ValidateRoleAsync(request.Role, request.DepartmentCode, ct);
        if (request.Password.Length < options.Value.MinPasswordLength)
        {
            throw new ArgumentException($"Password must have at least {options.Value.MinPasswordLength} characters.");
        }
        if (await db.Users.AnyAsync(u => u.UserName == request.UserName, ct))
        {
            throw new ArgumentException($"A user named '{request.UserName}' exists already.");
        }
    }

    private async Task ValidateRoleAsync(string role, string? department, CancellationToken ct)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Role must be one of: {string.Join(", ", Roles.All)}.");
        }
        if (Roles.NeedsDepartment(role) && string.IsNullOrEmpty(department))
        {
            throw new ArgumentException($"Role {role} needs --department.");
        }
        if (department is { } code && !await db.Departments.AnyAsync(d => d.Code == code, ct))
        {
            throw new ArgumentException($"Unknown department '{code}'.");
        }
    }
}
