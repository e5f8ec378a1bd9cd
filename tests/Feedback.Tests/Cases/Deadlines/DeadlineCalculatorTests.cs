using Feedback.Web.Cases.Deadlines;
using Microsoft.Extensions.Options;
using static Feedback.Tests.Cases.Deadlines.DeadlineFixture;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class DeadlineCalculatorTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void ReplyDueAt_DefaultOptions_Is24CalendarHoursLaterAcrossMidnightInUtc()
    {
        var sut = new DeadlineCalculator(Options.Create(new DeadlineOptions()), Calendar, Centre);

        var due = sut.ReplyDueAt(Beijing(2025, 10, 1, 20, 0));

        Assert.Equal(Beijing(2025, 10, 2, 20, 0), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 2, 12, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void DueAt_CalendarTimeOverAWeekend_CountsEveryHour()
    {
        var sut = CreateSut(DeadlineMode.CalendarTime);

        var due = sut.DueAt(Beijing(2025, 3, 7, 23, 30), Day);

        Assert.Equal(Beijing(2025, 3, 8, 23, 30), due);
    }

    [Fact]
    public void DueAt_WorkingTime24HoursFromMondayMorning_IsThreeEightHourDays()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 3, 9, 0), Day);

        Assert.Equal(Beijing(2025, 3, 5, 17, 0), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void DueAt_WorkingTimeStartInsideHours_CountsTheRestOfThatDay()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 3, 10, 30), Day);

        // Mon 6.5 h + Tue 8 h + Wed 8 h + Thu 1.5 h.
        Assert.Equal(Beijing(2025, 3, 6, 10, 30), due);
    }

    [Fact]
    public void DueAt_WorkingTimeStartBeforeHours_StartsAtWorkdayStart()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 3, 7, 0), Day);

        Assert.Equal(Beijing(2025, 3, 5, 17, 0), due);
    }

    [Fact]
    public void DueAt_WorkingTimeStartAfterHours_StartsNextMorning()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 3, 18, 0), Day);

        Assert.Equal(Beijing(2025, 3, 6, 17, 0), due);
    }

    [Fact]
    public void DueAt_WorkingTimeAcrossANight_ResumesNextMorning()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 4, 15, 0), TimeSpan.FromHours(8));

        Assert.Equal(Beijing(2025, 3, 5, 15, 0), due);
    }

    [Fact]
    public void DueAt_WorkingTimeAcrossAWeekend_SkipsSaturdayAndSunday()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 7, 15, 0), TimeSpan.FromHours(8));

        Assert.Equal(Beijing(2025, 3, 10, 15, 0), due);
    }

    [Fact]
    public void DueAt_FridayEveningBeforeQingming2026_StartsAtTheNextWorkday()
    {
        var sut = CreateSut();

        // 4/4–4/6 (Sat–Mon) are 清明 holidays, so counting starts Tue 4/7 09:00.
        var due = sut.DueAt(Beijing(2026, 4, 3, 20, 0), Day);

        Assert.Equal(Beijing(2026, 4, 9, 17, 0), due);
    }

    [Fact]
    public void DueAt_FridayEveningBeforeNationalDay2025_CountsMakeUpSunday()
    {
        var sut = CreateSut();

        // Sat 9/27 rests, Sun 9/28 is a make-up workday, then Mon 9/29 and Tue 9/30.
        var due = sut.DueAt(Beijing(2025, 9, 26, 20, 0), Day);

        Assert.Equal(Beijing(2025, 9, 30, 17, 0), due);
    }

    [Fact]
    public void DueAt_EveningBeforeNationalDay2025_SkipsTheHolidayAndCountsMakeUpSaturday()
    {
        var sut = CreateSut();

        // 10/1–10/8 are holidays; Thu 10/9, Fri 10/10 and the make-up Sat 10/11 count.
        var due = sut.DueAt(Beijing(2025, 9, 30, 20, 0), Day);

        Assert.Equal(Beijing(2025, 10, 11, 17, 0), due);
    }

    [Fact]
    public void DueAt_FridayBeforeSpringFestival2026_CountsMakeUpSaturdayAndSkipsTheHoliday()
    {
        var sut = CreateSut();

        // Sat 2/14 is a make-up workday, 2/15–2/23 are holidays, then Tue 2/24 and Wed 2/25.
        var due = sut.DueAt(Beijing(2026, 2, 13, 20, 0), Day);

        Assert.Equal(Beijing(2026, 2, 25, 17, 0), due);
    }

    [Fact]
    public void DueAt_AfterSpringFestival2026_CountsMakeUpSaturdayThe28th()
    {
        var sut = CreateSut();

        // Thu 4 h + Fri 8 h + Sat 2/28 8 h + Mon 3/2 4 h; Sun 3/1 rests.
        var due = sut.DueAt(Beijing(2026, 2, 26, 13, 0), Day);

        Assert.Equal(Beijing(2026, 3, 2, 13, 0), due);
    }

    [Fact]
    public void DueAt_ZeroDuration_ReturnsStart()
    {
        var sut = CreateSut();

        var due = sut.DueAt(Beijing(2025, 3, 8, 3, 0), TimeSpan.Zero);

        Assert.Equal(Beijing(2025, 3, 8, 3, 0), due);
    }

    [Fact]
    public void DueAt_NegativeDuration_Throws()
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.DueAt(Beijing(2025, 3, 3, 9, 0), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void Ctor_WorkdayEndNotAfterStart_Throws()
    {
        var options = Options.Create(new DeadlineOptions { WorkdayStart = new(17, 0), WorkdayEnd = new(9, 0) });

        Assert.Throws<ArgumentException>(() => new DeadlineCalculator(options, Calendar, Centre));
    }
}
