using System.Text.Json.Serialization;

namespace Feedback.Web.Accounts;

/// <summary>What the admin audit log keeps of a person: never the password or its hash.</summary>
public sealed record UserRecord(string UserName, string DisplayName, string Role, string? DepartmentCode, bool Disabled, bool MustChangePassword)
{
    public const string Kind = "user";

    public static UserRecord Of(User user) =>
        new(user.UserName, user.DisplayName, user.Role, user.DepartmentCode, user.Disabled, user.MustChangePassword);

    public static string ActionOf(UserRecord before, UserRecord after) => (before.Disabled, after.Disabled) switch
    {
        (false, true) => "disabled",
        (true, false) => "enabled",
        _ => "updated",
    };

    [JsonIgnore]
    public bool IsActiveAdmin => Role == Roles.Admin && !Disabled;
}
