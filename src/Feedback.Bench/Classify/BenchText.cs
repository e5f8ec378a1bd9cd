using System.Text;
using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>
/// The bench as a table: one column per model and pipeline, then the ratio of the chosen pipelines to the word-bag
/// baseline for one comment through both models (for latency and time, lower is better).
/// </summary>
public static class BenchText
{
    public static string Format(IReadOnlyList<BenchFigures> figures)
    {
        var both = figures.Where(f => f.Model == ClassifyBench.Both).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"{"",-34} {string.Concat(figures.Select(f => $"{f.Model,27}"))} {"ratio",8}");
        text.AppendLine($"{"measure",-34} {string.Concat(figures.Select(f => $"{f.Pipeline,27}"))} {"both",8}");
        Row(text, "batch predictions/s", figures, both, f => f.BatchPerSecond, "F0");
        Row(text, "single predictions/s (sequential)", figures, both, f => f.SinglePerSecond, "F0");
        Row(text, "single prediction median µs", figures, both, f => f.SingleMedianMicroseconds, "F2");
        Row(text, "single prediction p99 µs", figures, both, f => f.SingleP99Microseconds, "F2");
        Row(text, "model load, first ms", figures, both, f => f.LoadFirstMilliseconds, "F1");
        Row(text, "model load, median ms", figures, both, f => f.LoadMedianMilliseconds, "F1");
        Row(text, $"training on {figures[0].TrainRows} rows, s", figures, both, f => f.TrainSeconds, "F1");
        Row(text, "model file KB", figures, both, f => f.ModelBytes / 1024.0, "F0");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string measure, IReadOnlyList<BenchFigures> figures, BenchFigures[] both, Func<BenchFigures, double> value, string format)
    {
        var ratio = both.Length == 2 ? (value(both[0]) / value(both[1])).ToString("F2") : "";
        text.AppendLine($"{measure,-34} {string.Concat(figures.Select(f => $"{value(f).ToString(format),27}"))} {ratio,8}");
    }
}
