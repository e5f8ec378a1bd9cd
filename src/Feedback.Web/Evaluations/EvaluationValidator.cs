using Feedback.Web.Organization;

namespace Feedback.Web.Evaluations;

/// <summary>
/// The one set of rules for every path that stores a rating (API, batch, import, QR page).
/// Field names in errors are the request's camelCase JSON names.
/// </summary>
public sealed class EvaluationValidator(PhoneProtector phones)
{
    public const int MaxCommentLength = 1000;
    public const int MaxCaseNumberLength = 64;
    public const int MaxNameLength = 50;
    /// <summary>Citizens' devices run a little fast; beyond this an evaluatedAt is "in the future".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Earliest = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Evaluation? Validate(EvaluationRequest request, OrgSnapshot org, DateTimeOffset receivedAt, Dictionary<string, string[]> errors)
    {
        var channel = Channels.Find(request.Channel);
        if (channel is null)
        {
            Add(errors, "channel", $"Channel is required, one of: {string.Join(", ", Channels.All)}.");
        }
        var rating = request.Rating ?? 0;
        if (rating is < 1 or > 5)
        {
            Add(errors, "rating", "Rating is required, 1 (非常不满意) to 5 (非常满意).");
        }
        var reasons = ValidateReasons(request.ReasonCodes ?? [], rating, errors);
        RejectControlCharacters(request, errors);
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment;
        // A string has at least as many UTF-16 units as runes: count runes only when the units are over the limit.
        if (comment is { Length: > MaxCommentLength } && comment.EnumerateRunes().Count() > MaxCommentLength)
        {
            Add(errors, "comment", $"Comment is longer than {MaxCommentLength} characters.");
        }
        var caseNumber = ValidateCaseNumber(request, errors);
        ValidateDefault(request, channel, rating, comment, reasons, errors);
        ValidateEvaluatedAt(request.EvaluatedAt, receivedAt, errors);
        ValidateOrg(request, org, request.EvaluatedAt ?? receivedAt, errors);
        var rater = ValidateRater(request.Rater, errors);

        return errors.Count > 0 ? null : new Evaluation
        {
            CaseNumber = caseNumber,
            AssessNumber = (short)(request.AssessNumber ?? 1),
            Channel = channel!,
            Rating = (short)rating,
            ReasonCodes = reasons,
            Comment = comment,
            DepartmentCode = request.DepartmentCode!.Trim(),
            WindowCode = Blank(request.WindowCode),
            StaffCode = Blank(request.StaffCode),
            ServiceItemCode = Blank(request.ServiceItemCode),
            Anonymous = rater.Anonymous,
            RaterName = rater.Name,
            RaterPhoneMasked = rater.PhoneMasked,
            RaterPhoneHash = rater.PhoneHash,
            ContactPhone = rater.Phone,
            EvaluatedAt = EvaluationIntake.Microseconds(request.EvaluatedAt ?? receivedAt),
            ReceivedAt = receivedAt,
            IsDefault = request.IsDefault ?? false,
        };
    }

    private static short[] ValidateReasons(IReadOnlyList<int> codes, int rating, Dictionary<string, string[]> errors)
    {
        if (codes.Count == 0)
        {
            return [];
        }
        foreach (var code in codes)
        {
            if (!ReasonCodes.Labels.ContainsKey(code))
            {
                Add(errors, "reasonCodes", $"Unknown reason code {code}.");
            }
            else if (rating is >= 1 and <= 5 && !ReasonCodes.BelongsTo(code, rating))
            {
                Add(errors, "reasonCodes", $"Reason code {code} does not belong to rating {rating}; allowed: {AllowedReasons(rating)}.");
            }
        }
        return [.. codes.Distinct().Select(c => (short)c)];
    }

    private static string AllowedReasons(int rating)
    {
        var allowed = ReasonCodes.ForRating(rating).ToList();
        return allowed.Count == 0 ? "none" : string.Join(", ", allowed);
    }

    private static string? ValidateCaseNumber(EvaluationRequest request, Dictionary<string, string[]> errors)
    {
        var caseNumber = Blank(request.CaseNumber);
        if (caseNumber is { Length: > MaxCaseNumberLength })
        {
            Add(errors, "caseNumber", $"Case number is longer than {MaxCaseNumberLength} characters.");
        }
        if (request.AssessNumber is not (null or 1 or 2))
        {
            Add(errors, "assessNumber", "Assess number is 1 (first rating) or 2 (follow-up).");
        }
        else if (request.AssessNumber == 2 && caseNumber is null)
        {
            Add(errors, "assessNumber", "A follow-up rating (assessNumber 2) needs the caseNumber of its transaction.");
        }
        return caseNumber;
    }

    private static void ValidateDefault(EvaluationRequest request, string? channel, int rating, string? comment, short[] reasons, Dictionary<string, string[]> errors)
    {
        var isDefault = request.IsDefault ?? false;
        if (isDefault != (channel == Channels.Default) && channel is not null)
        {
            Add(errors, "isDefault", "Default ratings, and only they, use channel \"default\".");
        }
        else if (isDefault && (rating != Ratings.Basic || comment is not null || reasons.Length > 0))
        {
            Add(errors, "isDefault", "A default rating is 基本满意 (3) with no comment and no reason codes.");
        }
    }

    private static void ValidateEvaluatedAt(DateTimeOffset? evaluatedAt, DateTimeOffset receivedAt, Dictionary<string, string[]> errors)
    {
        if (evaluatedAt > receivedAt + ClockSkew)
        {
            Add(errors, "evaluatedAt", "evaluatedAt is in the future.");
        }
        else if (evaluatedAt < Earliest)
        {
            Add(errors, "evaluatedAt", $"evaluatedAt is before {Earliest:yyyy-MM-dd}.");
        }
    }

    private static void ValidateOrg(EvaluationRequest request, OrgSnapshot org, DateTimeOffset at, Dictionary<string, string[]> errors)
    {
        var department = Blank(request.DepartmentCode);
        if (department is null)
        {
            Add(errors, "departmentCode", "Department code is required.");
        }
        else if (!org.Departments.Contains(department))
        {
            Add(errors, "departmentCode", $"Unknown department code '{department}'.");
        }
        else
        {
            CheckRetired("departmentCode", "The department", department, "was abolished", org.Retired.Departments, at, errors);
        }
        CheckMember("windowCode", "window", request.WindowCode, org.WindowDepartments, department, errors);
        CheckMember("staffCode", "staff", request.StaffCode, org.StaffDepartments, department, errors);
        CheckMember("serviceItemCode", "service item", request.ServiceItemCode, org.ServiceItemDepartments, department, errors);
        CheckRetired("windowCode", "The window", Blank(request.WindowCode), "is closed", org.Retired.Windows, at, errors);
        CheckRetired("staffCode", "The staff member", Blank(request.StaffCode), "has left", org.Retired.Staff, at, errors);
        CheckRetired("serviceItemCode", "The service item", Blank(request.ServiceItemCode), "was withdrawn", org.Retired.ServiceItems, at, errors);
    }

    /// <summary>
    /// A retired record takes no new ratings; one evaluated before it was retired (a late sync, a default rating) is
    /// still history and is accepted.
    /// </summary>
    private static void CheckRetired(string field, string what, string? code, string verb, IReadOnlyDictionary<string, DateTimeOffset> retired,
        DateTimeOffset at, Dictionary<string, string[]> errors)
    {
        if (code is not null && retired.TryGetValue(code, out var since) && at >= since && !errors.ContainsKey(field))
        {
            Add(errors, field, $"{what} '{code}' {verb} on {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC; new ratings for it are not accepted.");
        }
    }

    private static void CheckMember(string field, string what, string? code, IReadOnlyDictionary<string, string> owners, string? department, Dictionary<string, string[]> errors)
    {
        code = Blank(code);
        if (code is null)
        {
            return;
        }
        if (!owners.TryGetValue(code, out var owner))
        {
            Add(errors, field, $"Unknown {what} code '{code}'.");
        }
        else if (department is not null && owner != department)
        {
            Add(errors, field, $"The {what} '{code}' belongs to department '{owner}', not '{department}'.");
        }
    }

    private (bool Anonymous, string? Name, string? PhoneMasked, byte[]? PhoneHash, string? Phone) ValidateRater(RaterRequest? rater, Dictionary<string, string[]> errors)
    {
        var name = Blank(rater?.Name);
        var phone = Blank(rater?.Phone);
        var anonymous = rater?.Anonymous ?? (name is null && phone is null);
        if (anonymous && (name is not null || phone is not null))
        {
            Add(errors, "rater", "An anonymous rating carries no name or phone.");
        }
        if (name is { Length: > MaxNameLength })
        {
            Add(errors, "rater.name", $"Name is longer than {MaxNameLength} characters.");
        }
        if (phone is null)
        {
            return (anonymous, name, null, null, null);
        }
        var normalized = PhoneProtector.Normalize(phone);
        if (normalized is null)
        {
            Add(errors, "rater.phone", "Phone is not a valid number.");
            return (anonymous, name, null, null, null);
        }
        return (anonymous, name, PhoneProtector.Mask(normalized), phones.Hash(normalized), normalized);
    }

    /// <summary>NUL and other control characters cannot be stored as text (line breaks and tabs in a comment can).</summary>
    private static void RejectControlCharacters(EvaluationRequest request, Dictionary<string, string[]> errors)
    {
        // Loops, not LINQ or an array of fields: this runs for eight fields of every row, and the import checks a million rows at a time.
        static bool Bad(string? value, bool multiline)
        {
            foreach (var c in value ?? "")
            {
                if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                {
                    return true;
                }
            }
            return false;
        }
        Check("comment", request.Comment, multiline: true);
        Check("caseNumber", request.CaseNumber);
        Check("rater.name", request.Rater?.Name);
        Check("channel", request.Channel);
        Check("departmentCode", request.DepartmentCode);
        Check("windowCode", request.WindowCode);
        Check("staffCode", request.StaffCode);
        Check("serviceItemCode", request.ServiceItemCode);

        void Check(string field, string? value, bool multiline = false)
        {
            if (Bad(value, multiline))
            {
                Add(errors, field, "Contains a control character (such as NUL) that cannot be stored.");
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    internal static string Format(IDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
