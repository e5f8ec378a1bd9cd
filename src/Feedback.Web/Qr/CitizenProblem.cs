using Microsoft.AspNetCore.Http.HttpResults;

namespace Feedback.Web.Qr;

/// <summary>Why nothing was stored, in words a citizen can act on, and the status code the page answers with.</summary>
public sealed record CitizenProblem(string Title, string Text, int Status)
{
    public static readonly CitizenProblem InvalidLink = new("二维码无效",
        "无法识别这个评价二维码，它可能已损坏或被改动。请扫描窗口张贴或办件回执上的二维码，或向工作人员咨询。", StatusCodes.Status404NotFound);
    public static readonly CitizenProblem ExpiredLink = new("二维码已过期",
        "这个评价二维码已超过有效期。请扫描窗口张贴的最新二维码，或向工作人员咨询。", StatusCodes.Status410Gone);
    public static readonly CitizenProblem CaseRated = new("该办件已评价",
        "该办件已完成评价和追评，每件办件只能评价一次、追评一次。感谢您的参与！", StatusCodes.Status409Conflict);
    public static readonly CitizenProblem StaleForm = new("该办件已有评价",
        "这个办件刚刚已经提交过评价。如需追评，请重新扫描办件回执上的二维码。", StatusCodes.Status409Conflict);
    public static readonly CitizenProblem DeviceRated = new("您已评价过",
        "您刚刚已对这个窗口作出评价，感谢参与！同一窗口稍后可再次评价。", StatusCodes.Status409Conflict);
    public static readonly CitizenProblem PageExpired = new("页面已过期",
        "页面已过期或已提交过，请重新扫描二维码后再评价。", StatusCodes.Status400BadRequest);
    public static readonly CitizenProblem TooMany = new("提交过于频繁",
        "提交过于频繁，请稍等一分钟后再试。", StatusCodes.Status429TooManyRequests);
    public static readonly CitizenProblem Unavailable = new("暂时无法提交",
        "系统繁忙，您的评价可能未能保存，请稍后重新扫码评价。", StatusCodes.Status503ServiceUnavailable);

    public static readonly CitizenProblem WindowClosed = new("该窗口已停用",
        "这个窗口已停止办理业务，它的评价二维码不再使用。请扫描正在为您服务的窗口张贴的二维码，或向大厅工作人员咨询。", StatusCodes.Status410Gone);
    public static readonly CitizenProblem StaffLeft = new("该工作人员已不在岗",
        "二维码上的工作人员已不在本中心服务，此二维码不再使用。请扫描窗口当前张贴的二维码评价，或向大厅工作人员咨询。", StatusCodes.Status410Gone);
    public static readonly CitizenProblem DepartmentRetired = new("该部门已撤销",
        "这个部门已不在本中心办理业务，它的评价二维码不再使用。请扫描正在为您服务的窗口张贴的二维码，或向大厅工作人员咨询。", StatusCodes.Status410Gone);
    public static readonly CitizenProblem ServiceItemRetired = new("该事项已停办",
        "二维码上的办事事项已停止办理，此二维码不再使用。如需评价，请向窗口工作人员索取新的评价二维码。", StatusCodes.Status410Gone);

    /// <summary>Why a genuine link to a retired place takes no rating.</summary>
    internal static CitizenProblem Retired(QrPlaceState state) => state switch
    {
        QrPlaceState.WindowClosed => WindowClosed,
        QrPlaceState.StaffLeft => StaffLeft,
        QrPlaceState.DepartmentRetired => DepartmentRetired,
        _ => ServiceItemRetired,
    };

    /// <summary>The page in the citizens' shell: it has a body, so the staff error page never replaces it.</summary>
    internal RazorComponentResult<CitizenMessagePage> Page() => new(new { Problem = this }) { StatusCode = Status };
}
