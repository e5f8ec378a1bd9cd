using System.Text;

namespace Feedback.Ml;

/// <summary>The bench as a table: the chosen pipeline, the baseline, and chosen ÷ baseline (for latency and time, lower is better).</summary>
public static class BenchText
{
    public static string Format(IReadOnlyList<BenchFigures> figures)
    {
        var (chosen, baseline) = (figures[0], figures[1]);
        var text = new StringBuilder();
        text.AppendLine($"{"measure",-34} {chosen.Pipeline,16} {baseline.Pipeline,16} {"ratio",8}");
        Row(text, "batch predictions/s", chosen.BatchPerSecond, baseline.BatchPerSecond, "F0");
        Row(text, "single predictions/s (sequential)", chosen.SinglePerSecond, baseline.SinglePerSecond, "F0");
        Row(text, "single prediction median µs", chosen.SingleMedianMicroseconds, baseline.SingleMedianMicroseconds, "F2");
        Row(text, "single prediction p99 µs", chosen.SingleP99Microseconds, baseline.SingleP99Microseconds, "F2");
        Row(text, "model load, first ms", chosen.LoadFirstMilliseconds, baseline.LoadFirstMilliseconds, "F1");
        Row(text, "model load, median ms", chosen.LoadMedianMilliseconds, baseline.LoadMedianMilliseconds, "F1");
        Row(text, $"training on {chosen.TrainRows} rows, s", chosen.TrainSeconds, baseline.TrainSeconds, "F1");
        Row(text, "model file KB", chosen.ModelBytes / 1024.0, baseline.ModelBytes / 1024.0, "F0");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string measure, double chosen, double baseline, string format) =>
        text.AppendLine($"{measure,-34} {chosen.ToString(format),16} {baseline.ToString(format),16} {chosen / baseline,8:F2}");
}
