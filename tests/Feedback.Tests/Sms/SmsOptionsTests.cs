using System.ComponentModel.DataAnnotations;
using Feedback.Web.Sms;

namespace Feedback.Tests.Sms;

public sealed class SmsOptionsTests
{
    [Theory]
    [InlineData(null, "s3cret")]
    [InlineData("feedback", null)]
    [InlineData("feedback", " ")]
    public void Validate_GatewayWithoutKeyOrSecret_FailsNamingThem(string? key, string? secret)
    {
        // Without both, the gateway could not tell our requests from anybody's.
        var errors = Validate(new SmsOptions { GatewayUrl = "https://sms.example/send", AppKey = key, AppSecret = secret });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(SmsOptions.AppSecret)));
    }

    [Fact]
    public void Defaults_AreOffWithStatedLimitsAndChineseTemplatesOfTheThreeValues()
    {
        var options = new SmsOptions();

        Assert.Empty(Validate(options));
        Assert.False(options.Enabled);
        Assert.Equal((30, 5, 2000, TimeSpan.FromSeconds(10)), (options.KeepPhoneDays, options.PerNumberPerDay, options.PerDay, options.Timeout));
        foreach (var template in new[] { options.ReceivedTemplate, options.RepliedTemplate })
        {
            Assert.Contains("{reference}", template);
            Assert.Contains("{link}", template);
            Assert.Contains("{department}", template);
        }
    }

    [Fact]
    public void Validate_KeepPhoneDaysZero_Fails()
    {
        Assert.Contains(Validate(new SmsOptions { KeepPhoneDays = 0 }), e => e.MemberNames.Contains(nameof(SmsOptions.KeepPhoneDays)));
    }

    private static List<ValidationResult> Validate(SmsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
