using System.ComponentModel.DataAnnotations;
using Feedback.Web.Cases.Deadlines;
using Microsoft.Extensions.Configuration;

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

    [Fact]
    public void ReplyTime_ReplySpanSet_TakesPrecedenceOverReplyHours()
    {
        var options = new DeadlineOptions { Reply = TimeSpan.FromMinutes(3), ReplyHours = 48 };

        var errors = Validate(options);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromMinutes(3), options.ReplyTime);
    }

    [Fact]
    public void ReplyTime_OnlyWholeHoursSet_IsThoseHours()
    {
        var options = new DeadlineOptions { ReplyHours = 48 };

        Assert.Equal(TimeSpan.FromHours(48), options.ReplyTime);
    }

    [Fact]
    public void Validate_ReplyOfTenSeconds_ReportsReply()
    {
        var options = new DeadlineOptions { Reply = TimeSpan.FromSeconds(10) };

        var errors = Validate(options);

        Assert.Contains(nameof(DeadlineOptions.Reply), Assert.Single(errors).MemberNames);
    }

    [Fact]
    public void Bind_DeadlinesReplyFromConfiguration_ReadsTheSpan()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Deadlines:Reply"] = "00:05:00" }).Build();

        var options = new DeadlineOptions();
        configuration.GetSection("Deadlines").Bind(options);

        Assert.Equal(TimeSpan.FromMinutes(5), options.ReplyTime);
    }

    private static List<ValidationResult> Validate(DeadlineOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
