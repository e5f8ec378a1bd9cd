namespace Feedback.Ml;

/// <summary>One pipeline's speed in a <see cref="ClassifyBench"/> run. Latencies in microseconds, load in milliseconds.</summary>
public sealed record BenchFigures(
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
