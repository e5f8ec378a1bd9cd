using Feedback.Ml;

namespace Feedback.Web.Classification;

/// <summary>The polarity model's labels (API codes) and their Chinese names.</summary>
public static class Polarities
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [PolarityLabels.Praise] = "表扬",
        [PolarityLabels.Complaint] = "投诉",
        [PolarityLabels.Neutral] = "中性",
    };

    public static string Label(string code) => Labels.GetValueOrDefault(code, code);
}
