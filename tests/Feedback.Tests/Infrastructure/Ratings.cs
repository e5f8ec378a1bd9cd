namespace Feedback.Tests.Infrastructure;

/// <summary>Valid request bodies against the demo organisation (D01 owns W001, S001, I001).</summary>
public static class TestRatings
{
    public static Dictionary<string, object?> Valid(string? caseNumber = null, int rating = 5) => new()
    {
        ["caseNumber"] = caseNumber ?? NewCaseNumber(),
        ["channel"] = "qr",
        ["rating"] = rating,
        ["departmentCode"] = "D01",
        ["windowCode"] = "W001",
        ["staffCode"] = "S001",
        ["serviceItemCode"] = "I001",
    };

    public static string NewCaseNumber() => "T" + Guid.NewGuid().ToString("N")[..20];

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string field, object? value)
    {
        body[field] = value;
        return body;
    }
}
