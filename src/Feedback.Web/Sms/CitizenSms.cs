using System.Text;
using Feedback.Web.Cases;
using Feedback.Web.Notifications;
using Feedback.Web.Organization;
using Feedback.Web.Tracking;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Sms;

/// <summary>
/// The text messages a case sends its citizen, queued in the outbox in the transaction of the event: when the case is
/// received, and when the reply is published (which also asks the 追评: it opens with the reply). The text is made
/// from the options' templates with only the department's name, the reference and the tracking link: nothing the
/// citizen or an officer wrote, so no link or control character can be slipped into a message.
/// </summary>
public sealed class CitizenSms
{
    /// <summary>The outbox target (and scheme) of the citizen's messages; the number is the case's.</summary>
    public const string Target = "sms";
    public const string ReceivedKind = "sms_received";
    public const string RepliedKind = "sms_replied";
    private const int MaxDepartmentName = 30;

    private readonly TrackingLinks _links;
    private readonly OrgDirectory _org;
    private readonly IOptions<SmsOptions> _options;

    internal CitizenSms(TrackingLinks links, OrgDirectory org, IOptions<SmsOptions> options) => (_links, _org, _options) = (links, org, options);

    public bool Enabled => _options.Value.Enabled;

    public Task<List<Notification>> ReceivedAsync(long caseId, long evaluationId, string department, DateTimeOffset at, CancellationToken ct) =>
        BuildAsync(ReceivedKind, "短信：评价已收到", _options.Value.ReceivedTemplate, caseId, evaluationId, department, at, ct);

    /// <summary>Nothing when the case keeps no number (none given, SMS off, or already erased).</summary>
    public async Task<List<Notification>> RepliedAsync(RectificationCase @case, DateTimeOffset at, CancellationToken ct) =>
        @case.ContactPhoneCipher is null ? []
            : await BuildAsync(RepliedKind, "短信：整改已答复", _options.Value.RepliedTemplate, @case.Id, @case.EvaluationId, @case.DepartmentCode, at, ct);

    private async Task<List<Notification>> BuildAsync(string kind, string title, string template, long caseId, long evaluationId, string department, DateTimeOffset at, CancellationToken ct)
    {
        if (!Enabled)
            return [];
        var link = await _links.ForAsync(evaluationId, ct);
        var names = (await _org.GetAsync(ct)).Names.Departments;
        var text = template
            .Replace("{department}", Plain(names.GetValueOrDefault(department) ?? "部门"), StringComparison.Ordinal)
            .Replace("{reference}", link.Reference, StringComparison.Ordinal)
            .Replace("{link}", link.Url, StringComparison.Ordinal);
        return [new Notification
        {
            EventKey = $"case:{caseId}:{kind}", Target = Target, Kind = kind, CaseId = caseId, DepartmentCode = department,
            Title = title, Body = text, CreatedAt = at, NextAttemptAt = at,
        }];
    }

    /// <summary>
    /// A name as plain words: letters, digits and CJK brackets only, so a name edited to hold a link or a line break
    /// puts neither in a message; cut to 30 characters.
    /// </summary>
    internal static string Plain(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is '（' or '）' or '·')
                plain.Append(c);
            if (plain.Length == MaxDepartmentName)
                break;
        }
        return plain.Length == 0 ? "部门" : plain.ToString();
    }
}
