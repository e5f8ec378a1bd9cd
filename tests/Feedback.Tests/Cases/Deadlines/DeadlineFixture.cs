using Feedback.Tests.Ml;
using Feedback.Web.Cases.Deadlines;
using Feedback.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Feedback.Tests.Cases.Deadlines;

/// <summary>The calendars as checked in, and calculators over them with 09:00–17:00 working days.</summary>
internal static class DeadlineFixture
{
    public static readonly string CalendarFolder = RepositoryFiles.Path(Path.Combine("src", "Feedback.Web", "Cases", "Deadlines", "Calendars"));

    // Read from the source folder so the tests check the files as committed, whatever the build does with them.
    public static readonly WorkingCalendar Calendar = WorkingCalendar.FromDirectory(CalendarFolder);

    /// <summary>The centre's clock with its default zone, Asia/Shanghai.</summary>
    public static readonly CentreTime Centre = new(Options.Create(new CentreTimeOptions()), TimeProvider.System);

    public static DeadlineCalculator CreateSut(DeadlineMode mode = DeadlineMode.WorkingTime, int maxExtensionWorkingDays = 15) =>
        new(Options.Create(new DeadlineOptions { Mode = mode, MaxExtensionWorkingDays = maxExtensionWorkingDays }), Calendar, Centre);

    /// <summary>A local time in Beijing (UTC+8).</summary>
    public static DateTimeOffset Beijing(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
