namespace Feedback.Web.Cases;

/// <summary>The states of a rectification case (see the diagram in docs/cases.md). Values are stored and used in the API.</summary>
public static class CaseStates
{
    /// <summary>待核实: opened by a bad rating, nobody has acted yet.</summary>
    public const string Open = "open";
    /// <summary>整改中: the department has contacted the citizen and verified the complaint.</summary>
    public const string InProgress = "in_progress";
    /// <summary>已整改: the department replied to the citizen; the clock stops.</summary>
    public const string Rectified = "rectified";
    /// <summary>已回访: follow-up done, the citizen's satisfaction with the rectification recorded.</summary>
    public const string Closed = "closed";
    /// <summary>申诉中: the department says the review is mistaken or malicious; the quality office decides.</summary>
    public const string Appealed = "appealed";
    /// <summary>无效差评: appeal approved; excluded from bad-review figures, kept for audit.</summary>
    public const string Invalid = "invalid";
    /// <summary>无法整改审核: the department says it cannot rectify (no legal basis); the quality office decides.</summary>
    public const string CannotFixReview = "cannot_fix_review";
    /// <summary>无法整改: approved; the explanation to the citizen is in the log.</summary>
    public const string CannotFix = "cannot_fix";

    public static readonly string[] All = [Open, InProgress, Rectified, Closed, Appealed, Invalid, CannotFixReview, CannotFix];

    /// <summary>States not final: someone still has to act (the department, the quality office or the follow-up).</summary>
    public static readonly string[] Active = [Open, InProgress, Rectified, Appealed, CannotFixReview];

    /// <summary>States in which the department still owes a reply, so reminders and escalation apply.</summary>
    public static bool ClockRuns(string state) => state is Open or InProgress;

    public static string Label(string state) => state switch
    {
        Open => "待核实",
        InProgress => "整改中",
        Rectified => "已整改",
        Closed => "已回访",
        Appealed => "申诉审核中",
        Invalid => "无效差评",
        CannotFixReview => "无法整改审核中",
        CannotFix => "无法整改",
        _ => state,
    };
}
