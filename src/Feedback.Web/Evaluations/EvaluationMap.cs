using Feedback.Web.Data;

namespace Feedback.Web.Evaluations;

/// <summary>
/// The evaluations table's columns for the raw-SQL paths: the API's INSERT (<see cref="EvaluationStore"/>), the
/// import's COPY (<c>EvaluationBulkCopy</c>) and the readers. Add a column here and in the EF model.
/// </summary>
internal static class EvaluationMap
{
    // Every column is read over the blank's placeholders.
    public static readonly TableMap<Evaluation> Map = new TableMap<Evaluation>("evaluations", () => new() { Channel = "", DepartmentCode = "" })
        // The id, case number and assess number come first: the import reads them back from a COPY row's bytes.
        .SequenceId("id", "evaluations_id_seq", r => r.Id, (r, v) => r.Id = v)
        .Text("case_number", r => r.CaseNumber, (r, v) => r.CaseNumber = v)
        .Int16("assess_number", r => r.AssessNumber, (r, v) => r.AssessNumber = v)
        .Text("channel", r => r.Channel, (r, v) => r.Channel = v!)
        .Int16("rating", r => r.Rating, (r, v) => r.Rating = v)
        .Int16Array("reason_codes", r => r.ReasonCodes, (r, v) => r.ReasonCodes = v)
        .Text("comment", r => r.Comment, (r, v) => r.Comment = v)
        .Text("department_code", r => r.DepartmentCode, (r, v) => r.DepartmentCode = v!)
        .Text("window_code", r => r.WindowCode, (r, v) => r.WindowCode = v)
        .Text("staff_code", r => r.StaffCode, (r, v) => r.StaffCode = v)
        .Text("service_item_code", r => r.ServiceItemCode, (r, v) => r.ServiceItemCode = v)
        .Boolean("anonymous", r => r.Anonymous, (r, v) => r.Anonymous = v)
        .Text("rater_name", r => r.RaterName, (r, v) => r.RaterName = v)
        .Text("rater_phone_masked", r => r.RaterPhoneMasked, (r, v) => r.RaterPhoneMasked = v)
        .Bytes("rater_phone_hash", r => r.RaterPhoneHash, (r, v) => r.RaterPhoneHash = v)
        .Timestamp("evaluated_at", r => r.EvaluatedAt, (r, v) => r.EvaluatedAt = v)
        .Timestamp("received_at", r => r.ReceivedAt, (r, v) => r.ReceivedAt = v)
        .Boolean("is_default", r => r.IsDefault, (r, v) => r.IsDefault = v)
        .Text("theme", r => r.Theme, (r, v) => r.Theme = v)
        .Real("theme_confidence", r => r.ThemeConfidence, (r, v) => r.ThemeConfidence = v)
        .Text("theme_second", r => r.ThemeSecond, (r, v) => r.ThemeSecond = v)
        .Real("theme_second_score", r => r.ThemeSecondScore, (r, v) => r.ThemeSecondScore = v)
        .Text("theme_third", r => r.ThemeThird, (r, v) => r.ThemeThird = v)
        .Real("theme_third_score", r => r.ThemeThirdScore, (r, v) => r.ThemeThirdScore = v)
        .Text("model_version", r => r.ModelVersion, (r, v) => r.ModelVersion = v)
        .Boolean("needs_review", r => r.NeedsReview, (r, v) => r.NeedsReview = v)
        .Text("theme_signal", r => r.ThemeSignal, (r, v) => r.ThemeSignal = v)
        // Set by an officer's correction (ThemeCorrection), never when the rating is stored.
        .Text("corrected_theme", null, (r, v) => r.CorrectedTheme = v)
        .Text("polarity", r => r.Polarity, (r, v) => r.Polarity = v)
        .Real("polarity_confidence", r => r.PolarityConfidence, (r, v) => r.PolarityConfidence = v)
        .Text("polarity_model_version", r => r.PolarityModelVersion, (r, v) => r.PolarityModelVersion = v);
}
