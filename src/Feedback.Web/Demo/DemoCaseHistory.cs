using Feedback.Web.Accounts;
using Feedback.Web.Cases;
using Feedback.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Demo;

/// <summary>
/// Gives the demo's cases a plausible past: most replied within the deadline and followed up, some late and
/// escalated, a few appealed or found impossible to fix. Cases of the last day stay open for the officers to try.
/// The history is written as audit lines by named demo users, with the same random seed every time.
/// </summary>
internal static class DemoCaseHistory
{
    public const string Password = "demo-feedback-2026";

    public static readonly NewUser[] Users =
    [
        new("admin", "系统管理员", Roles.Admin, null, Password),
        new("quality", "中心质量专员", Roles.QualityOfficer, null, Password),
        new("leader", "中心领导", Roles.Leader, null, Password),
        new("d01", "D01部门专员", Roles.DepartmentOfficer, "D01", Password),
        new("d01head", "D01部门负责人", Roles.DepartmentHead, "D01", Password),
    ];

    public static async Task WriteAsync(FeedbackDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(DemoSeeder.Seed + 1);
        var cases = await db.Cases.OrderBy(c => c.Id).ToListAsync(ct);
        foreach (var c in cases.Where(c => now - c.OpenedAt > TimeSpan.FromDays(1)))
        {
            Resolve(db, c, random, now);
        }
        foreach (var c in cases.Where(c => now - c.OpenedAt <= TimeSpan.FromDays(1) && random.NextDouble() < 0.5))
        {
            Step(db, c, CaseAction.Start, c.OpenedAt.AddHours(1 + random.NextDouble() * 2), Officer(c), "已电话联系群众，正在核实。");
        }
        await db.SaveChangesAsync(ct);
        // Weeks-old "new case" notices of cases long dealt with would only bury the live ones in the inbox.
        await db.Notifications.Where(n => n.DeliveredAt == null && db.Cases.Any(c => c.Id == n.CaseId && c.NextAlertAt == null)).ExecuteDeleteAsync(ct);
    }

    private static void Resolve(FeedbackDbContext db, RectificationCase c, Random random, DateTimeOffset now)
    {
        var roll = random.NextDouble();
        var contacted = c.OpenedAt.AddHours(0.5 + random.NextDouble() * 3);
        if (roll < 0.04)
        {
            Step(db, c, CaseAction.Appeal, contacted, Officer(c), "经核实，群众误点了差评，已电话确认。");
            Step(db, c, CaseAction.ApproveAppeal, contacted.AddHours(3), "quality", "核实属实，认定为无效差评。");
            return;
        }
        if (roll < 0.06)
        {
            Step(db, c, CaseAction.RequestCannotFix, contacted, Officer(c), "诉求超出法定办理条件，已向群众解释政策依据。");
            Step(db, c, CaseAction.ApproveCannotFix, contacted.AddHours(4), "quality", "同意，解释说明已送达。");
            return;
        }
        Step(db, c, CaseAction.Start, contacted, Officer(c), "已联系群众核实情况。");
        var late = roll > 0.90;
        var replied = late ? c.DueAt.AddHours(1 + random.NextDouble() * 12) : contacted.AddHours(1 + random.NextDouble() * 16);
        if (replied > c.DueAt)
            Escalate(db, c);
        Step(db, c, CaseAction.Rectify, replied, Officer(c), "已向群众说明情况并致歉，窗口已加强业务培训。");
        var followUp = replied.AddHours(2 + random.NextDouble() * 46);
        if (followUp < now && random.NextDouble() < 0.8)
        {
            c.FollowUpSatisfaction = (short)(random.NextDouble() switch { < 0.55 => 5, < 0.85 => 4, < 0.95 => 3, _ => 2 });
            Step(db, c, CaseAction.FollowUp, followUp, Officer(c), "已回访。");
        }
    }

    private static void Escalate(FeedbackDbContext db, RectificationCase c)
    {
        c.EscalatedAt = c.DueAt;
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id, At = c.DueAt, Actor = CaseEventWriter.System, ActorRole = CaseEventWriter.System,
            Action = Cases.Deadlines.CaseSchedule.Escalation, FromState = c.State, ToState = c.State, Note = "超期未反馈，已督办",
        });
    }

    private static void Step(FeedbackDbContext db, RectificationCase c, string actionName, DateTimeOffset at, string actor, string note)
    {
        var action = CaseAction.Find(actionName)!;
        var from = c.State;
        c.State = action.To ?? c.State;
        c.UpdatedAt = at;
        if (!CaseStates.ClockRuns(c.State))
            c.NextAlertAt = null;
        if (actionName == CaseAction.Rectify)
            (c.RepliedAt, c.ReplyNote) = (at, note);
        if (actionName == CaseAction.FollowUp)
            c.ClosedAt = at;
        var role = actor == "quality" ? Roles.QualityOfficer : Roles.DepartmentOfficer;
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = at, Actor = actor, ActorRole = role, Action = action.Name, FromState = from, ToState = c.State, Note = note });
    }

    private static string Officer(RectificationCase c) => $"{c.DepartmentCode.ToLowerInvariant()}";
}
