using System.ComponentModel.DataAnnotations;

namespace Feedback.Web.Sms;

/// <summary>
/// Text messages to the citizen who left a phone number with a 差评, through a generic HTTP SMS gateway. Bound from
/// the "Sms" section. Off until <see cref="GatewayUrl"/> is set: then no full number is kept and nothing is queued.
/// </summary>
public sealed class SmsOptions : IValidatableObject
{
    /// <summary>Where messages are POSTed as JSON (see <see cref="SmsGateway"/>). Default: null, no SMS.</summary>
    [Url]
    public string? GatewayUrl { get; set; }

    /// <summary>The application's key at the gateway, sent as X-Sms-AppKey. Required with <see cref="GatewayUrl"/>.</summary>
    public string? AppKey { get; set; }

    /// <summary>The HMAC-SHA256 key of X-Sms-Signature. Required with <see cref="GatewayUrl"/>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The sender id or signature (签名) the gateway shows, e.g. 政务服务中心. Default: 政务服务中心.</summary>
    [MaxLength(32)]
    public string SenderId { get; set; } = "政务服务中心";

    /// <summary>Time allowed for one gateway call. Default: 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Days the encrypted full number is kept after the case opens, if the case has not closed before (closing erases
    /// it at once). Default: 30.
    /// </summary>
    [Range(1, 3650)]
    public int KeepPhoneDays { get; set; } = 30;

    /// <summary>Messages one number may receive in 24 hours; more are skipped, not retried. Default: 5.</summary>
    [Range(1, 1000)]
    public int PerNumberPerDay { get; set; } = 5;

    /// <summary>Messages the whole service may send in 24 hours (the gateway's bill); more are skipped. Default: 2000.</summary>
    [Range(1, 10_000_000)]
    public int PerDay { get; set; } = 2000;

    /// <summary>When the case is received. {department}, {reference} and {link} are filled in; nothing the citizen wrote is.</summary>
    [MaxLength(300)]
    public string ReceivedTemplate { get; set; } = "您对{department}的评价已收到，查询编号{reference}。部门将尽快核实整改并答复，进度请见：{link}";

    /// <summary>When the department's reply is published; it also asks the follow-up rating (追评), which opens with the reply.</summary>
    [MaxLength(300)]
    public string RepliedTemplate { get; set; } = "{department}已答复您的评价（查询编号{reference}），请查看答复并对整改结果评价：{link}";

    public bool Enabled => !string.IsNullOrWhiteSpace(GatewayUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Without both, the gateway cannot tell our requests from anybody's.
        if (Enabled && (string.IsNullOrWhiteSpace(AppKey) || string.IsNullOrWhiteSpace(AppSecret)))
            yield return new ValidationResult("AppKey and AppSecret are required with GatewayUrl.", [nameof(AppKey), nameof(AppSecret)]);
    }
}
