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
            await sut.SignInAsync("locked.out", "wrong password", Here, Ct);
        }

        var locked = await sut.SignInAsync("locked.out", Browser.Password, Here, Ct);
        _time.Advance(TimeSpan.FromMinutes(15));
        var unlocked = await sut.SignInAsync("locked.out", Browser.Password, Here, Ct);

        Assert.Equal(_time.GetUtcNow(), locked.LockedUntil);
        Assert.True(unlocked.Succeeded);
    }

    [Fact]
    public async Task SignInAsync_FiveFailuresFromOneAddress_LockThatAddressOnly()
    {
        var sut = CreateSut();
        await sut.CreateAsync(new("targeted", "", Roles.Admin, null, Browser.Password), Ct);
        for (var i = 0; i < 5; i++)
        {
            await sut.SignInAsync("targeted", "wrong password", Attacker, Ct);
        }

        var fromAttacker = await sut.SignInAsync("targeted", Browser.Password, Attacker, Ct);
        var fromDesk = await sut.SignInAsync("targeted", Browser.Password, Here, Ct);

        Assert.NotNull(fromAttacker.LockedUntil);
        Assert.False(fromAttacker.Succeeded);
        Assert.True(fromDesk.Succeeded);
    }

    [Fact]
    public async Task SignInAsync_UnknownName_IsLockedLikeARealOne()
    {
        var sut = CreateSut();
        await sut.CreateAsync(new("real.name", "", Roles.Leader, null, Browser.Password), Ct);
        var answers = new List<(SignInAttempt Real, SignInAttempt Unknown)>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await sut.SignInAsync("real.name", "wrong password", Here, Ct), await sut.SignInAsync("no.such.name", "wrong password", Here, Ct)));
        }

        Assert.All(answers, a => Assert.Equal(a.Real, a.Unknown));
        Assert.NotNull(answers[^1].Unknown.LockedUntil);
    }

    [Fact]
    public async Task SignInAsync_SuccessBeforeLimit_ResetsFailureCount()
    {
        var sut = CreateSut();
        await sut.CreateAsync(new("forgetful", "", Roles.Leader, null, Browser.Password), Ct);
        for (var i = 0; i < 4; i++)
        {
            await sut.SignInAsync("forgetful", "wrong password", Here, Ct);
        }
        await sut.SignInAsync("forgetful", Browser.Password, Here, Ct);

        var afterReset = await sut.SignInAsync("forgetful", "wrong password", Here, Ct);

        Assert.Null(afterReset.LockedUntil);
    }

    private const string Here = "10.0.0.1", Attacker = "203.0.113.9";

    private UserService CreateSut()
    {
        var db = _scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var options = Options.Create(new AccountOptions());
        return new(db, new PasswordHasher<User>(), options, _time, new AdminAudit(db, _time), new SignInLockout(db, options));
    }
}
