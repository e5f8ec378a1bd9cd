using Feedback.Web.Reports;

namespace Feedback.Tests.Reports;

public sealed class ReportWeekTests
{
    [Theory]
    [InlineData("2026-W47", 2026, 47)]
    [InlineData("2026W01", 2026, 1)]
    [InlineData(" 2020-w53 ", 2020, 53)]
    public void TryParse_IsoWeek_ReadsYearAndWeek(string text, int year, int week)
    {
        Assert.True(ReportWeek.TryParse(text, out var parsed));

        Assert.Equal(new ReportWeek(year, week), parsed);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026-47")]
    [InlineData("../2026-W47")]
    [InlineData("")]
    public void TryParse_NotAnIsoWeek_Fails(string text)
    {
        Assert.False(ReportWeek.TryParse(text, out _));
    }

    [Fact]
    public void Bounds_Week47Of2026_MondayToSundayInChinaTime()
    {
        var week = new ReportWeek(2026, 47);

        Assert.Equal(new DateTimeOffset(2026, 11, 15, 16, 0, 0, TimeSpan.Zero), week.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), week.End);
        Assert.Equal("2026-W47", week.ToString());
    }

    [Fact]
    public void Containing_AroundMidnightBetweenSundayAndMonday_UsesChinaTime()
    {
        var week = new ReportWeek(2026, 47);

        Assert.Equal(week, ReportWeek.Containing(week.Start));
        Assert.Equal(week.Previous, ReportWeek.Containing(week.Start.AddTicks(-1)));
        Assert.Equal(week.Next, ReportWeek.Containing(week.End));
    }

    [Fact]
    public void StartInAndContaining_ZoneOtherThanChina_WeekBeginsAtItsMondayMidnight()
    {
        var week = new ReportWeek(2026, 47);
        var tokyo = Feedback.Web.Infrastructure.CentreTime.FindZone("Asia/Tokyo");
        var london = Feedback.Web.Infrastructure.CentreTime.FindZone("Europe/London");

        Assert.Equal(new DateTimeOffset(2026, 11, 15, 15, 0, 0, TimeSpan.Zero), week.StartIn(tokyo));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero), week.StartIn(london));
        Assert.Equal(week, ReportWeek.Containing(week.StartIn(tokyo), tokyo));
        Assert.Equal(week.Previous, ReportWeek.Containing(week.StartIn(tokyo).AddTicks(-1), tokyo));
        // 15:30 UTC on Sunday is already Monday in Tokyo, still Sunday in China.
        Assert.Equal(week, ReportWeek.Containing(week.StartIn(tokyo).AddMinutes(30), tokyo));
        Assert.Equal(week.Previous, ReportWeek.Containing(week.StartIn(tokyo).AddMinutes(30)));
        // Europe/London leaves summer time on Sunday 25 October 2026, in week 43: that week is 169 hours long there.
        var autumn = new ReportWeek(2026, 43);
        Assert.Equal(TimeSpan.FromHours(169), autumn.Next.StartIn(london) - autumn.StartIn(london));
    }

    [Fact]
    public void Previous_FirstWeekOfYear_IsLastWeekOfPreviousYear()
    {
        Assert.Equal(new ReportWeek(2020, 53), new ReportWeek(2021, 1).Previous);
        Assert.Equal(new ReportWeek(2027, 1), new ReportWeek(2026, 53).Next);
    }
}
