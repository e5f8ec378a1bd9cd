using Feedback.Web.Cases.Deadlines;
using static Feedback.Tests.Cases.Deadlines.DeadlineFixture;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class CalendarFilesTests
{
    // Year, days off listed in the notice, make-up workdays.
    public static readonly TheoryData<int, int, int> ShippedYears = new()
    {
        { 2025, 28, 5 },
        { 2026, 33, 6 },
    };

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void YearFile_Parses_WithEveryDateOfTheNotice(int year, int holidays, int workdays)
    {
        var file = Read(year);

        Assert.Equal(year, file.Year);
        Assert.Equal(holidays, file.Holidays!.Distinct().Count());
        Assert.Equal(workdays, file.Workdays!.Distinct().Count());
        Assert.Contains("国务院办公厅", file.Source);
    }

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void YearFile_EveryListedDate_IsInItsYear(int year, int holidays, int workdays)
    {
        var file = Read(year);

        var dates = file.Holidays!.Concat(file.Workdays!).ToList();

        Assert.Equal(holidays + workdays, dates.Count);
        Assert.All(dates, date => Assert.Equal(year, date.Year));
    }

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void YearFile_Holiday_IsNeverAMakeUpWorkday(int year, int holidays, int workdays)
    {
        var file = Read(year);

        var both = file.Holidays!.Intersect(file.Workdays!);

        Assert.Empty(both);
        Assert.Equal(holidays + workdays, file.Holidays!.Length + file.Workdays!.Length);
    }

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void YearFile_MakeUpWorkdays_AreWeekendDays(int year, int holidays, int workdays)
    {
        var file = Read(year);

        Assert.Equal(workdays, file.Workdays!.Length);
        Assert.All(file.Workdays!, date => Assert.Contains(date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
        Assert.True(holidays > 0);
    }

    [Fact]
    public void CalendarFolder_HoldsOnlyTheShippedYears()
    {
        var names = Directory.EnumerateFiles(CalendarFolder, "*.json").Select(Path.GetFileName).Order();

        Assert.Equal(["2025.json", "2026.json"], names);
    }

    private static WorkingCalendar.YearFile Read(int year)
    {
        var path = Path.Combine(CalendarFolder, $"{year}.json");
        using var stream = File.OpenRead(path);
        return WorkingCalendar.Parse(stream, path);
    }
}
