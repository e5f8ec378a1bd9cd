using Feedback.Ml;

namespace Feedback.Bench.Classify;

/// <summary>
/// What <see cref="ClassifyBench"/> measures with: the themes data (<see cref="DataPath"/>) and the polarity data
/// (<see cref="PolarityDataPath"/>). <see cref="TrainRows"/> (default 50,000) rows per model are made from each data
/// file by <see cref="SyntheticRows"/> when it has fewer.
/// </summary>
public sealed record ClassifyBenchOptions(
    string DataPath,
    string TextColumn = LabelledCsv.DefaultTextColumn,
    string LabelColumn = LabelledCsv.DefaultLabelColumn,
    int TrainRows = 50_000,
    int BatchPredictions = 500_000,
    int SinglePredictions = 200_000,
    int Cores = 1)
{
    public string PolarityDataPath { get; init; } = ModelKind.Polarity.TrainPath;
}
