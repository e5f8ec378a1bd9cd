using Feedback.Tests.Infrastructure;
using Feedback.Web.Accounts;
using Feedback.Web.Admin;
using Feedback.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Tests.Accounts;

public sealed class UserServiceTests(FeedbackApp app) : IClassFixture<FeedbackApp>, IDisposable
{
    private readonly IServiceScope _scope = app.Services.CreateScope();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task CreateAsync_StoresCurrentFormatHashNotPassword()
    {
        var user = await CreateSut().CreateAsync(new("hash.check", "", Roles.Leader, null, Browser.Password), Ct);

        Assert.DoesNotContain(Browser.Password, user.PasswordHash);
        // Format marker 0x01: ASP.NET Core Identity v3, PBKDF2 with SHA-512.
        Assert.Equal(0x01, Convert.FromBase64String(user.PasswordHash)[0]);
        Assert.Equal("hash.check", user.DisplayName);
    }

    [Theory]
    [InlineData("u1", "superuser", null, "Role must be one of")]
    [InlineData("u2", Roles.DepartmentOfficer, null, "needs --department")]
    [InlineData("u3", Roles.DepartmentHead, "D99", "Unknown department 'D99'")]
    [InlineData("with space", Roles.Leader, null, "without spaces")]
    public async Task CreateAsync_WithBadInput_ThrowsArgumentException(string name, string role, string? department, string message)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => CreateSut().CreateAsync(new(name, "", role, department, Browser.Password), Ct));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task CreateAsync_WithShortPassword_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => CreateSut().CreateAsync(new("short.pw", "", Roles.Leader, null, "123456789"), Ct));

        Assert.Contains("at least 10 characters", error.Message);
    }

    [Fact]
    public async Task CreateAsync_WithDuplicateName_ThrowsArgumentException()
    {
        await CreateSut().CreateAsync(new("twice", "", Roles.Leader, null, Browser.Password), Ct);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => CreateSut().CreateAsync(new("twice", "", Roles.Admin, null, Browser.Password), Ct));

        Assert.Contains("exists already", error.Message);
    }

    [Fact]
    public async Task SignInAsync_FifteenMinutesAfterLockout_AcceptsRightPassword()
    {
        var sut = CreateSut();
        await sut.CreateAsync(new("locked.out", "", Roles.Leader, null, Browser.Password), Ct);
        for (var i = 0; i < 5; i++)
        {
            await sut.SignInAsync("locked.out", "wrong password", Ct);
        }

        var locked = await sut.SignInAsync("locked.out", Browser.Password, Ct);
        _time.Advance(TimeSpan.FromMinutes(15));
        var unlocked = await sut.SignInAsync("locked.out", Browser.Password, Ct);

        Assert.Equal(_time.GetUtcNow(), locked.LockedUntil);
        Assert.True(unlocked.Succeeded);
    }

    [Fact]
    public async Task SignInAsync_SuccessBeforeLimit_ResetsFailureCount()
    {
        var sut = CreateSut();
        await sut.CreateAsync(new("forgetful", "", Roles.Leader, null, Browser.Password), Ct);
        for (var i = 0; i < 4; i++)
        {
            await sut.SignInAsync("forgetful", "wrong password", Ct);
        }
        await sut.SignInAsync("forgetful", Browser.Password, Ct);

        var afterReset = await sut.SignInAsync("forgetful", "wrong password", Ct);

        Assert.Null(afterReset.LockedUntil);
    }

    private UserService CreateSut()
    {
        var db = _scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        return new(db, new PasswordHasher<User>(), Options.Create(new AccountOptions()), _time, new AdminAudit(db, _time));
    }
}
