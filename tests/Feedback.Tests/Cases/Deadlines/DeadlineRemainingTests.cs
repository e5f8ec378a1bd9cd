using Feedback.Web.Cases.Deadlines;
using Microsoft.Extensions.Time.Testing;
using static Feedback.Tests.Cases.Deadlines.DeadlineFixture;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class DeadlineRemainingTests
{
    [Fact]
    public void Remaining_WorkingTimeAsTheClockRunsOverAWeekend_OnlyShrinksInWorkingHours()
    {
        var sut = CreateSut();
        var time = new FakeTimeProvider(Beijing(2025, 3, 7, 15, 0));
        var due = sut.ReplyDueAt(time.GetUtcNow());

        var atReceipt = sut.Remaining(time.GetUtcNow(), due);
        time.Advance(TimeSpan.FromHours(21)); // Sat 12:00
        var onSaturday = sut.Remaining(time.GetUtcNow(), due);
        time.Advance(TimeSpan.FromHours(46)); // Mon 10:00
        var onMonday = sut.Remaining(time.GetUtcNow(), due);

        Assert.Equal(Beijing(2025, 3, 12, 15, 0), due);
        Assert.Equal(TimeSpan.FromHours(24), atReceipt);
        Assert.Equal(TimeSpan.FromHours(22), onSaturday);
        Assert.Equal(TimeSpan.FromHours(21), onMonday);
    }

    [Fact]
    public void Remaining_WorkingTimeOverdue_IsNegativeWorkingTime()
    {
        var sut = CreateSut();
        var time = new FakeTimeProvider(Beijing(2025, 3, 7, 15, 0));
        var due = sut.ReplyDueAt(time.GetUtcNow());

        time.SetUtcNow(Beijing(2025, 3, 13, 10, 0)); // Wed 15:00 → 17:00, then Thu 09:00 → 10:00
        var remaining = sut.Remaining(time.GetUtcNow(), due);

        Assert.Equal(TimeSpan.FromHours(-3), remaining);
    }

    [Fact]
    public void Remaining_WorkingTimeDuringSpringFestival2026_StaysPut()
    {
        var sut = CreateSut();
        var due = Beijing(2026, 2, 25, 17, 0);

        var onEve = sut.Remaining(Beijing(2026, 2, 16, 12, 0), due);
        var onLastHoliday = sut.Remaining(Beijing(2026, 2, 23, 12, 0), due);

        Assert.Equal(TimeSpan.FromHours(16), onEve);
        Assert.Equal(onEve, onLastHoliday);
    }

    [Fact]
    public void Remaining_CalendarTime_IsPlainDifference()
    {
        var sut = CreateSut(DeadlineMode.CalendarTime);
        var time = new FakeTimeProvider(Beijing(2025, 3, 7, 15, 0));
        var due = sut.ReplyDueAt(time.GetUtcNow());

        time.Advance(TimeSpan.FromHours(30));
        var remaining = sut.Remaining(time.GetUtcNow(), due);

        Assert.Equal(TimeSpan.FromHours(-6), remaining);
    }
}
