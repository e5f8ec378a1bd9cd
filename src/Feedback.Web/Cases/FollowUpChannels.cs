namespace Feedback.Web.Cases;

/// <summary>How a follow-up (回访) reached the citizen. Values are stored and used in the API.</summary>
public static class FollowUpChannels
{
    public const string Phone = "phone";
    public const string Sms = "sms";
    public const string InPerson = "in_person";
    /// <summary>线上追评: the citizen's own follow-up rating on the tracking page.</summary>
    public const string Online = "online";

    public static readonly string[] All = [Phone, Sms, InPerson, Online];

    public static string Label(string channel) => channel switch
    {
        Phone => "电话",
        Sms => "短信",
        InPerson => "当面",
        Online => "线上追评",
        _ => channel,
    };
}
