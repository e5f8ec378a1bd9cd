using System.ComponentModel.DataAnnotations;
using Feedback.Web.Notifications;

namespace Feedback.Tests.Notifications;

public sealed class NotificationOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WebhookWithoutSecret_FailsNamingWebhookSecret(string? secret)
    {
        // Signing with an empty key would let anyone forge X-Feedback-Signature.
        var errors = Validate(new NotificationOptions { WebhookUrl = "https://hooks.example/feedback", WebhookSecret = secret });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(NotificationOptions.WebhookSecret)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://hooks.example/feedback", "s3cret")]
    public void Validate_NoWebhookOrWebhookWithSecret_Passes(string? url, string? secret)
    {
        Assert.Empty(Validate(new NotificationOptions { WebhookUrl = url, WebhookSecret = secret }));
    }

    private static List<ValidationResult> Validate(NotificationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
