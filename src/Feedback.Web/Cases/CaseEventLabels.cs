using Feedback.Web.Cases.Attachments;

namespace Feedback.Web.Cases;

/// <summary>The Chinese name of each kind of line in a case's timeline: the actions, and what the system or an upload wrote.</summary>
public static class CaseEventLabels
{
    public static string Label(string action) => action switch
    {
        CaseOpener.OpenAction => "收到差评",
        Deadlines.CaseSchedule.Escalation => "超期督办",
        Evidence.AttachAction => "上传整改佐证",
        _ => CaseAction.Find(action)?.Label ?? action,
    };
}
