using Feedback.Web.Cases.Deadlines;
using Microsoft.AspNetCore.Antiforgery;

namespace Feedback.Web.Cases;

/// <summary>What every officer page needs besides its content: who is looking, their unread count, the form token, local time.</summary>
internal sealed record CasePageContext(CaseActor Actor, int Unread, AntiforgeryTokenSet Tokens, DeadlineCalculator Deadlines, DeadlineOptions Options)
{
    /// <summary>The countdown ticks in the browser only where every second counts, i.e. in calendar time.</summary>
    public bool Ticks => Options.Mode == DeadlineMode.CalendarTime;

    public int MaxExtensionDays => Options.MaxExtensionWorkingDays;

    public DateTime Local(DateTimeOffset instant) => Deadlines.ToLocal(instant);
}
