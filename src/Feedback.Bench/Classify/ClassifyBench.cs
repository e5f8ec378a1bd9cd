using System.Diagnostics;
using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>
/// Speed of the chosen pipelines of both models beside the FeaturizeText-defaults baseline, in one process and one
/// run: batch and single predictions, model load, and training on <see cref="ClassifyBenchOptions.TrainRows"/> rows;
/// then one comment through both models, as the service classifies it.
/// </summary>
public static class ClassifyBench
{
    public const string Both = "both";

    public static IReadOnlyList<BenchFigures> Run(ClassifyBenchOptions options, Action<string>? log = null)
    {
        var themes = LabelledCsv.Read(options.DataPath, options.TextColumn, options.LabelColumn, log);
        var polarity = LabelledCsv.Read(options.PolarityDataPath, options.TextColumn, ModelKind.Polarity.LabelColumn, log);
        using var pin = CpuPin.To(options.Cores, log);
        var figures = new List<BenchFigures>();
        var both = new List<BenchFigures>();
        foreach (var (themePipeline, polarityPipeline) in new[] { (ThemePipeline.Default, ModelKind.Polarity.Pipeline), (ThemePipeline.Baseline, ThemePipeline.Baseline) })
        {
            using var themeModel = BenchModel.Train(ModelKind.Themes, themePipeline, themes, options, log);
            using var polarityModel = BenchModel.Train(ModelKind.Polarity, polarityPipeline, polarity, options, log);
            figures.Add(themeModel.Figures);
            figures.Add(polarityModel.Figures);
            both.Add(MeasureBoth(themeModel, polarityModel, [.. themes.Concat(polarity).Select(r => r.Text)], options, log));
        }
        return [.. figures, .. both];
    }

    /// <summary>Each comment through the theme model and then the polarity model.</summary>
    private static BenchFigures MeasureBoth(BenchModel themes, BenchModel polarity, string[] texts, ClassifyBenchOptions options, Action<string>? log)
    {
        log?.Invoke($"{themes.Pipeline} & {polarity.Pipeline}: single predictions through both");
        using var themeClassifier = ThemeClassifier.Load(themes.Path);
        using var polarityClassifier = ThemeClassifier.Load(polarity.Path);
        var (median, p99, perSecond) = SingleLatency(text => { themeClassifier.Predict(text); polarityClassifier.Predict(text); }, texts, options.SinglePredictions);
        log?.Invoke($"{themes.Pipeline} & {polarity.Pipeline}: batch predictions through both");
        var batch = BatchThroughput(batch => { themes.Model.PredictLabels(batch); polarity.Model.PredictLabels(batch); }, texts, options.BatchPredictions);
        var (t, p) = (themes.Figures, polarity.Figures);
        return new BenchFigures(Both, $"{t.Pipeline} & {p.Pipeline}", batch, median, p99, perSecond, t.LoadFirstMilliseconds + p.LoadFirstMilliseconds,
            t.LoadMedianMilliseconds + p.LoadMedianMilliseconds, t.TrainSeconds + p.TrainSeconds, t.TrainRows, t.ModelBytes + p.ModelBytes);
    }

    // The service's load: read, hash, deserialise, build the pool and warm one session.
    internal static double TimeLoad(string path)
    {
        var watch = Stopwatch.StartNew();
        using var classifier = ThemeClassifier.Load(path, Timeout.InfiniteTimeSpan);
        return watch.Elapsed.TotalMilliseconds;
    }

    internal static (double Median, double P99, double PerSecond) SingleLatency(Action<string> predict, string[] texts, int count)
    {
        for (var i = 0; i < Math.Min(count, 20_000); i++)
            predict(texts[i % texts.Length]);
        var ticks = new long[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            predict(texts[i % texts.Length]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        var seconds = total.Elapsed.TotalSeconds;
        Array.Sort(ticks);
        double Micro(long t) => t * 1e6 / Stopwatch.Frequency;
        return (Micro(ticks[count / 2]), Micro(ticks[(int)(count * 0.99)]), count / seconds);
    }

    internal static double BatchThroughput(Action<string[]> predict, string[] texts, int count)
    {
        predict(texts);
        var batch = Enumerable.Range(0, count).Select(i => texts[i % texts.Length]).ToArray();
        var watch = Stopwatch.StartNew();
        predict(batch);
        return count / watch.Elapsed.TotalSeconds;
    }

    internal static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
