using Feedback.Web.Cases.Deadlines;
using Microsoft.Extensions.Time.Testing;
using static Feedback.Tests.Cases.Deadlines.DeadlineFixture;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class DeadlineReminderTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public void ReminderInstants_WorkingTimeOverAWeekend_FallInWorkingHours()
    {
        var sut = CreateSut();
        var start = Beijing(2025, 3, 6, 9, 30);
        var due = sut.ReplyDueAt(start);

        var half = sut.FractionElapsedAt(start, due, 0.5);
        var threeQuarters = sut.FractionElapsedAt(start, due, 0.75);
        var hourBefore = sut.BeforeDue(due, OneHour);

        // Thu 7.5 h + Fri 8 h + Mon 8 h + Tue 0.5 h.
        Assert.Equal(Beijing(2025, 3, 11, 9, 30), due);
        Assert.Equal(Beijing(2025, 3, 7, 13, 30), half);
        Assert.Equal(Beijing(2025, 3, 10, 11, 30), threeQuarters);
        Assert.Equal(Beijing(2025, 3, 10, 16, 30), hourBefore);
    }

    [Fact]
    public void ReminderInstants_ClockAdvancedToEach_LeaveTheMatchingRemainingTime()
    {
        var sut = CreateSut();
        var time = new FakeTimeProvider(Beijing(2025, 3, 6, 9, 30));
        var due = sut.ReplyDueAt(time.GetUtcNow());

        time.SetUtcNow(sut.FractionElapsedAt(time.GetUtcNow(), due, 0.5));
        var atHalf = sut.Remaining(time.GetUtcNow(), due);
        time.SetUtcNow(sut.BeforeDue(due, OneHour));
        var atHourBefore = sut.Remaining(time.GetUtcNow(), due);

        Assert.Equal(TimeSpan.FromHours(12), atHalf);
        Assert.Equal(OneHour, atHourBefore);
    }

    [Fact]
    public void FractionElapsedAt_StartAtNight_CountsFromNextMorning()
    {
        var sut = CreateSut();
        var start = Beijing(2025, 3, 3, 20, 0);
        var due = sut.ReplyDueAt(start);

        var half = sut.FractionElapsedAt(start, due, 0.5);

        // Counting starts Tue 09:00; 12 working hours later is Wed 13:00.
        Assert.Equal(Beijing(2025, 3, 5, 13, 0), half);
    }

    [Fact]
    public void BeforeDue_MorningAfterSpringFestival2026_ReachesBackToMakeUpSaturday()
    {
        var sut = CreateSut();

        var twoHoursBefore = sut.BeforeDue(Beijing(2026, 2, 24, 10, 0), TimeSpan.FromHours(2));

        // Tue 2/24 09:00–10:00, then back over 2/15–2/23 to the make-up Sat 2/14 16:00–17:00.
        Assert.Equal(Beijing(2026, 2, 14, 16, 0), twoHoursBefore);
    }

    [Fact]
    public void ReminderInstants_CalendarTime_AreFractionsOfTheWallClock()
    {
        var sut = CreateSut(DeadlineMode.CalendarTime);
        var start = Beijing(2025, 3, 7, 10, 0);
        var due = sut.ReplyDueAt(start);

        var half = sut.FractionElapsedAt(start, due, 0.5);
        var threeQuarters = sut.FractionElapsedAt(start, due, 0.75);
        var hourBefore = sut.BeforeDue(due, OneHour);

        Assert.Equal(Beijing(2025, 3, 7, 22, 0), half);
        Assert.Equal(Beijing(2025, 3, 8, 4, 0), threeQuarters);
        Assert.Equal(Beijing(2025, 3, 8, 9, 0), hourBefore);
    }

    [Fact]
    public void FractionElapsedAt_WholeAllowance_ReturnsDue()
    {
        var sut = CreateSut();
        var start = Beijing(2026, 2, 13, 20, 0);
        var due = sut.ReplyDueAt(start);

        var full = sut.FractionElapsedAt(start, due, 1);

        Assert.Equal(due, full);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void FractionElapsedAt_FractionOutsideZeroToOne_Throws(double fraction)
    {
        var sut = CreateSut();
        var start = Beijing(2025, 3, 3, 9, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.FractionElapsedAt(start, sut.ReplyDueAt(start), fraction));
    }
}
