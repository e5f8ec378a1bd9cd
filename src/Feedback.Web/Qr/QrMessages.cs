namespace Feedback.Web.Qr;

/// <summary>Every page other than the form: thanks, and the friendly explanations of why nothing was stored.</summary>
internal static class QrMessages
{
    public static string Thanks(QrPlace place, QrLink link, string centre, string ratingLabel, string? replyPromise) => QrHtml.Page("感谢评价", $"""
        {QrForm.Where(place, link, centre)}
        <h1>感谢您的评价！</h1>
        <p>您的评价“{QrHtml.Encode(ratingLabel)}”已提交。</p>
        {(replyPromise is null ? "" : $"<p class=\"note\">{QrHtml.Encode(replyPromise)}</p>")}
        <p>您的意见将帮助我们改进服务。</p>
        """);

    public static string Problem(string title, string text) => QrHtml.Page(title, $"""
        <h1>{QrHtml.Encode(title)}</h1>
        <p class="note">{QrHtml.Encode(text)}</p>
        """);

    public static readonly string InvalidLink = Problem("二维码无效", "无法识别这个评价二维码，它可能已损坏或被改动。请扫描窗口张贴或办件回执上的二维码，或向工作人员咨询。");
    public static readonly string ExpiredLink = Problem("二维码已过期", "这个评价二维码已超过有效期。请扫描窗口张贴的最新二维码，或向工作人员咨询。");
    public static readonly string CaseRated = Problem("该办件已评价", "该办件已完成评价和追评，每件办件只能评价一次、追评一次。感谢您的参与！");
    public static readonly string StaleForm = Problem("该办件已有评价", "这个办件刚刚已经提交过评价。如需追评，请重新扫描办件回执上的二维码。");
    public static readonly string DeviceRated = Problem("您已评价过", "您刚刚已对这个窗口作出评价，感谢参与！同一窗口稍后可再次评价。");
    public static readonly string Expired = Problem("页面已过期", "页面已过期或已提交过，请重新扫描二维码后再评价。");
    public static readonly string TooMany = Problem("提交过于频繁", "提交过于频繁，请稍等一分钟后再试。");
    public static readonly string WindowClosed = Problem("该窗口已停用", "这个窗口已停止办理业务，它的评价二维码不再使用。请扫描正在为您服务的窗口张贴的二维码，或向大厅工作人员咨询。");
    public static readonly string StaffLeft = Problem("该工作人员已不在岗", "二维码上的工作人员已不在本中心服务，此二维码不再使用。请扫描窗口当前张贴的二维码评价，或向大厅工作人员咨询。");
    public static readonly string DepartmentRetired = Problem("该部门已撤销", "这个部门已不在本中心办理业务，它的评价二维码不再使用。请扫描正在为您服务的窗口张贴的二维码，或向大厅工作人员咨询。");
    public static readonly string ServiceItemRetired = Problem("该事项已停办", "二维码上的办事事项已停止办理，此二维码不再使用。如需评价，请向窗口工作人员索取新的评价二维码。");

    /// <summary>Why a genuine link to a retired place takes no rating.</summary>
    public static string Retired(QrPlaceState state) => state switch
    {
        QrPlaceState.WindowClosed => WindowClosed,
        QrPlaceState.StaffLeft => StaffLeft,
        QrPlaceState.DepartmentRetired => DepartmentRetired,
        _ => ServiceItemRetired,
    };

    public static readonly string Unavailable = Problem("暂时无法提交", "系统繁忙，您的评价未能保存，请稍后重新扫码评价。");
}
