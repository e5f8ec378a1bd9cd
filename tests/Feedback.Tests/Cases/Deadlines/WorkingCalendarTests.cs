using System.Text;
using Feedback.Web.Cases.Deadlines;
using static Feedback.Tests.Cases.Deadlines.DeadlineFixture;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2025-03-03", true)]  // an ordinary Monday
    [InlineData("2025-03-08", false)] // an ordinary Saturday
    [InlineData("2025-01-01", false)] // 元旦 on a Wednesday
    [InlineData("2025-01-26", true)]  // make-up Sunday before 春节
    [InlineData("2025-02-08", true)]  // make-up Saturday after 春节
    [InlineData("2025-10-08", false)] // last day of National Day, a Wednesday
    [InlineData("2025-10-11", true)]  // make-up Saturday after National Day
    [InlineData("2026-01-02", false)] // 元旦 Friday
    [InlineData("2026-01-04", true)]  // make-up Sunday
    [InlineData("2026-02-14", true)]  // make-up Saturday before 春节
    [InlineData("2026-02-16", false)] // 春节 Monday
    [InlineData("2026-02-21", false)] // 春节 Saturday
    [InlineData("2026-02-28", true)]  // make-up Saturday after 春节
    [InlineData("2026-05-09", true)]  // make-up Saturday after 劳动节
    [InlineData("2026-09-25", false)] // 中秋 Friday
    [InlineData("2026-10-10", true)]  // make-up Saturday after National Day
    public void IsWorkday_ShippedCalendar_FollowsTheNotice(string date, bool expected)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var isWorkday = Calendar.IsWorkday(day);

        Assert.Equal(expected, isWorkday);
    }

    [Fact]
    public void IsWorkday_YearWithoutFile_FallsBackToWeekdays()
    {
        var friday = new DateOnly(2027, 1, 1);
        var saturday = new DateOnly(2027, 1, 2);

        Assert.True(Calendar.IsWorkday(friday));
        Assert.False(Calendar.IsWorkday(saturday));
        Assert.DoesNotContain(2027, Calendar.KnownYears);
    }

    [Fact]
    public void KnownYears_ShippedCalendar_Are2025And2026()
    {
        Assert.Equal([2025, 2026], Calendar.KnownYears);
    }

    [Fact]
    public void Load_DefaultLocation_FindsTheShippedCalendars()
    {
        var calendar = WorkingCalendar.Load();

        Assert.Superset(new HashSet<int> { 2025, 2026 }, calendar.KnownYears.ToHashSet());
        Assert.True(calendar.IsWorkday(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void Load_CalendarDirectory_ReplacesTheShippedCalendars()
    {
        var folder = Directory.CreateTempSubdirectory("calendars-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "2027.json"),
                """{ "year": 2027, "holidays": ["2027-01-01"], "workdays": [], "source": "test" }""");

            var calendar = WorkingCalendar.Load(folder.FullName);

            Assert.Equal([2027], calendar.KnownYears);
            Assert.False(calendar.IsWorkday(new DateOnly(2027, 1, 1)));
            Assert.False(calendar.IsWorkday(new DateOnly(2026, 2, 14)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingCalendarDirectory_Throws()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        Assert.Throws<DirectoryNotFoundException>(() => WorkingCalendar.Load(missing));
    }

    [Theory]
    [InlineData("""{ "year": 2027, "holidays": ["2026-12-31"] }""")]
    [InlineData("""{ "year": 2027, "holidays": ["2027-01-02"], "workdays": ["2027-01-02"] }""")]
    [InlineData("""{ "year": 2027, "workdays": ["2027-01-04"] }""")]
    [InlineData("""{ "year": 2027, "holiday": ["2027-01-01"] }""")]
    [InlineData("""{ "holidays": ["2027-01-01"] }""")]
    [InlineData("""{ "year": 2027, "holidays": ["2027-13-01"] }""")]
    [InlineData("""{ "year": 2028 }""")]
    public void Parse_MistakeInYearFile_ThrowsInvalidData(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => WorkingCalendar.Parse(stream, "2027.json"));
    }

    [Fact]
    public void Ctor_SameYearTwice_Throws()
    {
        var year = new WorkingCalendar.YearFile(2027, [], [], null);

        Assert.Throws<InvalidDataException>(() => new WorkingCalendar([year, year]));
    }
}
