using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Feedback.Web.Organization.Import;

public enum OrgAction { Created, Updated, Retired, Restored }

/// <summary>
/// One record to write: what it was (null if new), what it becomes, and its retired_at afterwards. <see cref="Index"/>
/// is the input row it comes from; null for a record retired because the file left it out (--retire-missing).
/// </summary>
public sealed record OrgChange(OrgKind Kind, OrgAction Action, IOrgRow? Before, IOrgRow After, DateTimeOffset? RetiredAt, int? Index)
{
    public string Code => After.Code;
}

/// <summary>What an input would change, and the problems that stop it; applied only when there are none.</summary>
public sealed class OrgPlan(OrgInput input, IReadOnlyList<OrgChange> changes, int unchanged)
{
    public OrgInput Input => input;
    public IReadOnlyList<OrgChange> Changes => changes;
    public IReadOnlyList<OrgProblem> Problems => input.Problems;
    public int Unchanged => unchanged;
    public bool CanApply => input.Problems.Count == 0;

    public int Count(OrgAction action) => changes.Count(c => c.Action == action);

    public int Count(OrgKind kind, OrgAction action) => changes.Count(c => c.Kind == kind && c.Action == action);

    /// <summary>
    /// A fingerprint of the changes: the preview page shows a plan and posts its digest back, so a confirmation
    /// applies nothing if the register changed in between and the plan would now be different.
    /// </summary>
    public string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var change in changes)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{change.Kind}|{change.Action}|{JsonSerializer.Serialize(change.After, change.After.GetType())}\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    /// <summary>A line such as "部门：新增 2，修改 1，停用 0，恢复 0" per kind.</summary>
    public IEnumerable<string> Summary() => OrgLayout.All.Select(s =>
        $"{s.Name}：新增 {Count(s.Kind, OrgAction.Created)}，修改 {Count(s.Kind, OrgAction.Updated)}，停用 {Count(s.Kind, OrgAction.Retired)}，恢复 {Count(s.Kind, OrgAction.Restored)}");

    public static string Label(OrgAction action) => action switch
    {
        OrgAction.Created => "新增",
        OrgAction.Updated => "修改",
        OrgAction.Retired => "停用",
        _ => "恢复",
    };
}
