using Feedback.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Tests.Infrastructure;

/// <summary>The centre's clock: one zone, its days and weeks as UTC instants.</summary>
public sealed class CentreTimeTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 3, 17, 30, 0, TimeSpan.Zero));
    private static readonly CentreTime Sut = new(Options.Create(new CentreTimeOptions()), Clock);

    [Fact]
    public void Defaults_AreBeijingTime()
    {
        Assert.Equal(TimeSpan.FromHours(8), Sut.Zone.BaseUtcOffset);
        Assert.Equal(new DateTime(2026, 12, 4, 1, 30, 0), Sut.ToLocal(Clock.GetUtcNow()));
    }

    [Fact]
    public void Today_AfterUtcEveningIsAlreadyTomorrowInTheCentre()
    {
        Assert.Equal(new DateOnly(2026, 12, 4), Sut.Today());
    }

    [Fact]
    public void StartOfDayAndEndOfDay_AreLocalMidnightsInUtc()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero), Sut.StartOfDay(new DateOnly(2026, 12, 3)));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.Zero), Sut.EndOfDay(Clock.GetUtcNow()));
        Assert.Equal(TimeSpan.Zero, Sut.StartOfDay(new DateOnly(2026, 12, 3)).Offset);
    }

    [Theory]
    [InlineData(2026, 11, 30)]
    [InlineData(2026, 12, 3)]
    [InlineData(2026, 12, 6)]
    public void StartOfWeek_IsMondayMidnightInTheCentre(int year, int month, int day)
    {
        var start = Sut.StartOfWeek(new DateOnly(year, month, day));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void Options_OlderDeadlinesSettingIsRead_CentreSettingWins()
    {
        Assert.Equal("Asia/Shanghai", ZoneFrom([]));
        Assert.Equal("Asia/Tokyo", ZoneFrom([new("Deadlines:TimeZone", "Asia/Tokyo")]));
        Assert.Equal("Asia/Urumqi", ZoneFrom([new("Deadlines:TimeZone", "Asia/Tokyo"), new("Centre:TimeZone", "Asia/Urumqi")]));
    }

    private static string ZoneFrom(KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCentreTime();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<CentreTimeOptions>>().Value.TimeZone;
    }
}
