using System.Diagnostics;

namespace Feedback.Ml;

/// <summary>
/// Speed of the chosen pipeline beside the FeaturizeText-defaults baseline, in one process and one run: batch
/// and single predictions, model load, and training on <see cref="ClassifyBenchOptions.TrainRows"/> rows.
/// </summary>
public static class ClassifyBench
{
    public static IReadOnlyList<BenchFigures> Run(ClassifyBenchOptions options, Action<string>? log = null)
    {
        var rows = LabelledCsv.Read(options.DataPath, options.TextColumn, options.LabelColumn, log);
        var trainRows = SyntheticRows.Expand(rows, options.TrainRows);
        using var pin = CpuPin.To(options.Cores, log);
        return [Measure(ThemePipeline.Default, rows, trainRows, options, log), Measure(ThemePipeline.Baseline, rows, trainRows, options, log)];
    }

    // Predictions and loads use a model trained on the data file, as shipped; the large set only times training.
    private static BenchFigures Measure(
        ThemePipeline pipeline, IReadOnlyList<(string Text, string Label)> rows, IReadOnlyList<(string, string)> trainRows,
        ClassifyBenchOptions options, Action<string>? log)
    {
        log?.Invoke($"{pipeline}: training on {trainRows.Count} rows");
        var watch = Stopwatch.StartNew();
        ThemeModel.Train(trainRows, pipeline);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var model = ThemeModel.Train(rows, pipeline);
        var texts = rows.Select(r => r.Text).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.zip");
        try
        {
            ThemeModel.Save(model, path);
            var loads = Enumerable.Range(0, 6).Select(_ => TimeLoad(path)).ToArray();
            log?.Invoke($"{pipeline}: single predictions");
            using var classifier = ThemeClassifier.Load(path);
            var (median, p99, perSecond) = SingleLatency(classifier, texts, options.SinglePredictions);
            log?.Invoke($"{pipeline}: batch predictions");
            var batch = BatchThroughput(model, texts, options.BatchPredictions);
            return new BenchFigures(pipeline.Name, batch, median, p99, perSecond, loads[0], Median(loads[1..]),
                trainSeconds, trainRows.Count, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The service's load: read, hash, deserialise, build the pool and warm one session.
    private static double TimeLoad(string path)
    {
        var watch = Stopwatch.StartNew();
        using var classifier = ThemeClassifier.Load(path, Timeout.InfiniteTimeSpan);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static (double Median, double P99, double PerSecond) SingleLatency(ThemeClassifier classifier, string[] texts, int count)
    {
        for (var i = 0; i < Math.Min(count, 20_000); i++)
            classifier.Predict(texts[i % texts.Length]);
        var ticks = new long[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            classifier.Predict(texts[i % texts.Length]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        var seconds = total.Elapsed.TotalSeconds;
        Array.Sort(ticks);
        double Micro(long t) => t * 1e6 / Stopwatch.Frequency;
        return (Micro(ticks[count / 2]), Micro(ticks[(int)(count * 0.99)]), count / seconds);
    }

    private static double BatchThroughput(TrainedThemeModel model, string[] texts, int count)
    {
        model.PredictLabels(texts);
        var batch = Enumerable.Range(0, count).Select(i => texts[i % texts.Length]).ToArray();
        var watch = Stopwatch.StartNew();
        model.PredictLabels(batch);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
