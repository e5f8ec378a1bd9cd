using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Notifications;

/// <summary>Delivery of the outbox. Bound from the "Notifications" section.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    /// <summary>
    /// Where case events are POSTed as JSON, signed with <see cref="WebhookSecret"/> (to attach SMS, WeCom or a
    /// 12345 system). Default: null, no webhook; the in-app inbox always receives them.
    /// </summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>HMAC-SHA256 key of the X-Feedback-Signature header. Required with <see cref="WebhookUrl"/>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Time allowed for one webhook call. Default: 10 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each job server delivers the outbox, on its own timer. Default: 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Attempts before a message is given up (kept, with its last error, for an admin to see). Retries back off
    /// exponentially from 10 s up to 1 h, so the default of 20 attempts spans about a day. Default: 20.
    /// </summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Messages taken per delivery transaction. Default: 100.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    public bool WebhookEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An empty key would make the signature one that anybody can compute.
        if (WebhookEnabled && string.IsNullOrWhiteSpace(WebhookSecret))
            yield return new ValidationResult("WebhookSecret is required with WebhookUrl.", [nameof(WebhookSecret)]);
    }
}
