using System.ComponentModel.DataAnnotations;
using Feedback.Web.Cases.Deadlines;

namespace Feedback.Tests.Cases.Deadlines;

public sealed class DeadlineOptionsTests
{
    [Fact]
    public void Defaults_MatchTheIssueAndValidate()
    {
        var options = new DeadlineOptions();

        var errors = Validate(options);

        Assert.Empty(errors);
        Assert.Equal(24, options.ReplyHours);
        Assert.Equal(DeadlineMode.CalendarTime, options.Mode);
        Assert.Equal(TimeSpan.FromHours(8), options.WorkdayEnd - options.WorkdayStart);
        Assert.Equal(15, options.MaxExtensionWorkingDays);
        Assert.Equal("Asia/Shanghai", options.TimeZone);
        Assert.Null(options.CalendarDirectory);
    }

    [Fact]
    public void Validate_WorkdayEndBeforeStart_ReportsWorkdayEnd()
    {
        var options = new DeadlineOptions { WorkdayStart = new(18, 0), WorkdayEnd = new(9, 0) };

        var errors = Validate(options);

        Assert.Contains(nameof(DeadlineOptions.WorkdayEnd), Assert.Single(errors).MemberNames);
    }

    [Fact]
    public void Validate_ZeroReplyHours_ReportsReplyHours()
    {
        var options = new DeadlineOptions { ReplyHours = 0 };

        var errors = Validate(options);

        Assert.Contains(nameof(DeadlineOptions.ReplyHours), Assert.Single(errors).MemberNames);
    }

    private static List<ValidationResult> Validate(DeadlineOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
