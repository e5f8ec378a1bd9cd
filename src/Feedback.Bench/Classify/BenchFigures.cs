using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>
/// One column of a <see cref="ClassifyBench"/> run: a model kind (themes, polarity, or "both": one comment through
/// both models) with its pipeline. Latencies in microseconds, load in milliseconds; for "both" every figure is per
/// comment through both models, and load, training time and file size are the two models' sums.
/// </summary>
public sealed record BenchFigures(
    string Model,
    string Pipeline,
    double BatchPerSecond,
    double SingleMedianMicroseconds,
    double SingleP99Microseconds,
    double SinglePerSecond,
    double LoadFirstMilliseconds,
    double LoadMedianMilliseconds,
    double TrainSeconds,
    int TrainRows,
    long ModelBytes);
