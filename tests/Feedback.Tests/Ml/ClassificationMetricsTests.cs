using Feedback.Ml;

namespace Feedback.Tests.Ml;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Compute_OnAKnownCase_GivesHandCheckedFigures()
    {
        string[] actual = ["a", "a", "a", "b", "b", "c"];
        string[] predicted = ["a", "a", "b", "b", "c", "c"];

        var metrics = ClassificationMetrics.Compute(actual, predicted);

        Assert.Equal(4.0 / 6, metrics.Accuracy, 6);
        // a: P 1, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 0.5; c: P 1/2, R 1, F1 2/3.
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, metrics.MacroF1, 6);
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], metrics.ConfusionMatrix.Select(r => r.ToArray()));
        Assert.Equal(("a", "b", 1), metrics.TopConfusions(1).Single());
    }

    [Fact]
    public void Compute_WithALabelOnlyEverPredicted_KeepsItInTheMatrixButNotInTheMacroAverage()
    {
        var metrics = ClassificationMetrics.Compute(["a", "a"], ["a", "z"]);

        Assert.Equal(["a", "z"], metrics.Labels);
        Assert.Equal(2.0 / 3, metrics.MacroF1, 6);
    }
}
