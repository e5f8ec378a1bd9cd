using Feedback.Web.Cases.Deadlines;
using static Feedback.Tests.Cases.Deadlines.DeadlineFixture;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class DeadlineExtensionTests
{
    [Fact]
    public void ExtendedDueAt_ThreeDaysBeforeNationalDay2025_CountsMakeUpSundayAndEndsAtClose()
    {
        var sut = CreateSut();

        var due = sut.ExtendedDueAt(Beijing(2025, 9, 26, 10, 0), 3);

        // Sun 9/28 (make-up), Mon 9/29, Tue 9/30.
        Assert.Equal(Beijing(2025, 9, 30, 17, 0), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void ExtendedDueAt_OneDayFromLastDayBeforeHoliday_LandsAfterTheHoliday()
    {
        var sut = CreateSut();

        var due = sut.ExtendedDueAt(Beijing(2025, 9, 30, 17, 0), 1);

        Assert.Equal(Beijing(2025, 10, 9, 17, 0), due);
    }

    [Fact]
    public void ExtendedDueAt_FifteenDaysOverSpringFestival2026_SkipsHolidayAndCountsBothMakeUpSaturdays()
    {
        var sut = CreateSut();

        // 2/11–2/13, Sat 2/14, 2/24–2/27, Sat 2/28, 3/2–3/6, Mon 3/9.
        var due = sut.ExtendedDueAt(Beijing(2026, 2, 10, 16, 0), 15);

        Assert.Equal(Beijing(2026, 3, 9, 17, 0), due);
    }

    [Fact]
    public void ExtendedDueAt_TimeOfDay_DoesNotChangeTheDeadline()
    {
        var sut = CreateSut();

        var fromMorning = sut.ExtendedDueAt(Beijing(2025, 3, 3, 0, 30), 2);
        var fromLateNight = sut.ExtendedDueAt(Beijing(2025, 3, 3, 23, 30), 2);

        Assert.Equal(Beijing(2025, 3, 5, 17, 0), fromMorning);
        Assert.Equal(fromMorning, fromLateNight);
    }

    [Fact]
    public void ExtendedDueAt_CalendarTimeMode_StillCountsWorkingDays()
    {
        var sut = CreateSut(DeadlineMode.CalendarTime);

        var due = sut.ExtendedDueAt(Beijing(2026, 2, 10, 16, 0), 15);

        Assert.Equal(Beijing(2026, 3, 9, 17, 0), due);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void ExtendedDueAt_OutsideOneToFifteenDays_Throws(int workingDays)
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.ExtendedDueAt(Beijing(2025, 3, 3, 9, 0), workingDays));
    }

    [Fact]
    public void ExtendedDueAt_HigherConfiguredLimit_AllowsSixteenDays()
    {
        var sut = CreateSut(maxExtensionWorkingDays: 20);

        var due = sut.ExtendedDueAt(Beijing(2025, 3, 3, 9, 0), 16);

        Assert.Equal(Beijing(2025, 3, 25, 17, 0), due);
    }
}
