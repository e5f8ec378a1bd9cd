namespace Feedback.Ml;

/// <summary>
/// Scores of predictions against true labels. <see cref="ConfusionMatrix"/>[actual][predicted] counts rows,
/// both indexed by <see cref="Labels"/>. Macro averages weigh every label equally.
/// </summary>
public sealed record ClassificationMetrics(
    int Count,
    double Accuracy,
    double MacroF1,
    double MacroPrecision,
    double MacroRecall,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix)
{
    public static ClassificationMetrics Compute(IReadOnlyList<string> actual, IReadOnlyList<string> predicted)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException("actual and predicted differ in length", nameof(predicted));

        // Labels that only ever appear as predictions still get a row, so the matrix accounts for every error.
        var labels = actual.Concat(predicted).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var matrix = labels.Select(_ => new int[labels.Length]).ToArray();
        for (var i = 0; i < actual.Count; i++)
            matrix[index[actual[i]]][index[predicted[i]]]++;

        var actualLabels = actual.ToHashSet();
        var perClass = labels.Select((label, i) => ForClass(label, i, matrix)).ToArray();
        var scored = perClass.Where(c => actualLabels.Contains(c.Label)).ToArray();
        var correct = labels.Select((_, i) => matrix[i][i]).Sum();
        return new ClassificationMetrics(
            actual.Count,
            actual.Count == 0 ? 0 : (double)correct / actual.Count,
            Mean(scored, c => c.F1),
            Mean(scored, c => c.Precision),
            Mean(scored, c => c.Recall),
            perClass,
            labels,
            matrix);
    }

    public IEnumerable<(string Actual, string Predicted, int Count)> TopConfusions(int count) =>
        (from a in Enumerable.Range(0, Labels.Count)
         from p in Enumerable.Range(0, Labels.Count)
         where a != p && ConfusionMatrix[a][p] > 0
         orderby ConfusionMatrix[a][p] descending, Labels[a], Labels[p]
         select (Labels[a], Labels[p], ConfusionMatrix[a][p])).Take(count);

    private static ClassMetrics ForClass(string label, int i, int[][] matrix)
    {
        var truePositives = matrix[i][i];
        var support = matrix[i].Sum();
        var predicted = matrix.Sum(row => row[i]);
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, support, precision, recall, f1);
    }

    private static double Mean(ClassMetrics[] classes, Func<ClassMetrics, double> value) =>
        classes.Length == 0 ? 0 : classes.Average(value);
}
