using Npgsql;

namespace Feedback.Web.Evaluations;

internal static class EvaluationColumns
{
    /// <summary>The column order that <see cref="EvaluationReader"/> reads.</summary>
    public const string All = """
        id, case_number, assess_number, channel, rating, reason_codes, comment, department_code, window_code, staff_code,
        service_item_code, anonymous, rater_name, rater_phone_masked, rater_phone_hash, evaluated_at, received_at, is_default,
        theme, theme_confidence, theme_second, theme_second_score, theme_third, theme_third_score, model_version, needs_review,
        theme_signal, corrected_theme, polarity, polarity_confidence, polarity_model_version
        """;
}

internal static class EvaluationReader
{
    public static Evaluation Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        CaseNumber = r.IsDBNull(1) ? null : r.GetString(1),
        AssessNumber = r.GetInt16(2),
        Channel = r.GetString(3),
        Rating = r.GetInt16(4),
        ReasonCodes = r.GetFieldValue<short[]>(5),
        Comment = r.IsDBNull(6) ? null : r.GetString(6),
        DepartmentCode = r.GetString(7),
        WindowCode = r.IsDBNull(8) ? null : r.GetString(8),
        StaffCode = r.IsDBNull(9) ? null : r.GetString(9),
        ServiceItemCode = r.IsDBNull(10) ? null : r.GetString(10),
        Anonymous = r.GetBoolean(11),
        RaterName = r.IsDBNull(12) ? null : r.GetString(12),
        RaterPhoneMasked = r.IsDBNull(13) ? null : r.GetString(13),
        RaterPhoneHash = r.IsDBNull(14) ? null : r.GetFieldValue<byte[]>(14),
        EvaluatedAt = r.GetFieldValue<DateTimeOffset>(15),
        ReceivedAt = r.GetFieldValue<DateTimeOffset>(16),
        IsDefault = r.GetBoolean(17),
        Theme = r.IsDBNull(18) ? null : r.GetString(18),
        ThemeConfidence = r.IsDBNull(19) ? null : r.GetFloat(19),
        ThemeSecond = r.IsDBNull(20) ? null : r.GetString(20),
        ThemeSecondScore = r.IsDBNull(21) ? null : r.GetFloat(21),
        ThemeThird = r.IsDBNull(22) ? null : r.GetString(22),
        ThemeThirdScore = r.IsDBNull(23) ? null : r.GetFloat(23),
        ModelVersion = r.IsDBNull(24) ? null : r.GetString(24),
        NeedsReview = r.GetBoolean(25),
        ThemeSignal = r.IsDBNull(26) ? null : r.GetString(26),
        CorrectedTheme = r.IsDBNull(27) ? null : r.GetString(27),
        Polarity = r.IsDBNull(28) ? null : r.GetString(28),
        PolarityConfidence = r.IsDBNull(29) ? null : r.GetFloat(29),
        PolarityModelVersion = r.IsDBNull(30) ? null : r.GetString(30),
    };
}
