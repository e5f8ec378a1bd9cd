namespace Feedback.Web.Qr;

/// <summary>Where the citizen was served, as the top of every page of a link shows it.</summary>
public sealed record CitizenVisit(string Centre, string Department, string Window, string? Staff, string? ServiceItem, string? CaseNumber)
{
    internal static CitizenVisit Of(QrPlace place, QrLink link, string centre) =>
        new(centre, place.DepartmentName, $"{place.WindowNumber} {place.WindowName}", place.StaffName, place.ServiceItemName, link.CaseNumber);
}
