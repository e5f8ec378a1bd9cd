using Feedback.Web.Accounts;
using Feedback.Web.Cases.Attachments;
using Feedback.Web.Classification;
using Feedback.Web.Organization;

namespace Feedback.Web.Cases.Detail;

/// <summary>Someone a case may be assigned to.</summary>
public sealed record PersonOption(int Id, string Name, string Role);

/// <summary>The latest correction of the comment's theme.</summary>
public sealed record ThemeCorrectionView(string By, DateTimeOffset At);

/// <summary>A request the quality office has to decide, with the line of the timeline that made it.</summary>
public sealed record PendingRequest(string Title, CaseEventResponse? Request, CaseAction Approve, CaseAction Reject);

/// <summary>Everything the case page and its print view show, read before rendering.</summary>
/// <param name="People">Display names by user name, for the timeline and the uploads.</param>
public sealed record CaseView(
    CaseDetail Detail, OrgNames Org, IReadOnlyDictionary<string, string> People, Caller Viewer,
    IReadOnlyList<PersonOption> Assignable, ThemeCorrectionView? LastCorrection, bool CanUpload, int MaxExtensionDays)
{
    public CaseSummary Case => Detail.Case;

    public bool Allows(string action) => Detail.AllowedActions.Contains(action);

    public bool CanCorrectTheme => ThemeCorrections.MayCorrect(Viewer);

    /// <summary>Department officers take a case themselves; heads, the quality office and admins choose the person.</summary>
    public bool AssignsOthers => Viewer.Role != Roles.DepartmentOfficer;

    /// <summary>A person's display name; a machine's API key as 接口 NAME.</summary>
    public string Person(string userName) =>
        People.GetValueOrDefault(userName) ?? (userName.StartsWith("apikey:", StringComparison.Ordinal) ? $"接口 {userName["apikey:".Length..]}" : userName);

    public IEnumerable<PendingRequest> Pending()
    {
        if (Case.RequestedExtensionDays is { } days)
            yield return Request($"延期申请待审核：{days} 个工作日", CaseAction.RequestExtension, CaseAction.ApproveExtension, CaseAction.RejectExtension);
        if (Case.State == CaseStates.Appealed)
            yield return Request("申诉待审核（误评或恶意差评）", CaseAction.Appeal, CaseAction.ApproveAppeal, CaseAction.RejectAppeal);
        if (Case.State == CaseStates.CannotFixReview)
            yield return Request("无法整改申请待审核", CaseAction.RequestCannotFix, CaseAction.ApproveCannotFix, CaseAction.RejectCannotFix);
    }

    /// <summary>
    /// The file each <c>attach</c> line of the timeline added: written in one transaction, they share the instant, the
    /// person and the name; paired in order, so two files of one name each find their own.
    /// </summary>
    public IReadOnlyDictionary<long, CaseAttachmentResponse> AttachmentsByEvent => _byEvent ??= PairAttachments();

    private Dictionary<long, CaseAttachmentResponse>? _byEvent;

    private Dictionary<long, CaseAttachmentResponse> PairAttachments()
    {
        var left = Detail.Attachments.ToList();
        var pairs = new Dictionary<long, CaseAttachmentResponse>();
        foreach (var e in Detail.Timeline.Where(e => e.Action == Evidence.AttachAction))
        {
            var index = left.FindIndex(a => a.UploadedAt == e.At && a.UploadedBy == e.Actor && a.FileName == e.Note);
            if (index < 0)
                continue;
            pairs[e.Id] = left[index];
            left.RemoveAt(index);
        }
        return pairs;
    }

    private PendingRequest Request(string title, string request, string approve, string reject) =>
        new(title, Detail.Timeline.LastOrDefault(e => e.Action == request), CaseAction.Find(approve)!, CaseAction.Find(reject)!);
}
