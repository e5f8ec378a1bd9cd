using Feedback.Ml;
using Feedback.Tests.Ml;
using Feedback.Web.Classification;

namespace Feedback.Tests.Classification;

public sealed class RememberedPredictionsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"remembered-{Guid.NewGuid():N}.zip");
    private readonly RememberedPredictions _remembered = new();

    [Fact]
    public void Predict_SameShortTextTwice_ReturnsTheRememberedPrediction()
    {
        using var classifier = Classifier(seed: 1);

        var first = _remembered.Predict(classifier, "医院挂号太难了");

        Assert.Same(first, _remembered.Predict(classifier, "医院挂号太难了"));
        Assert.Equal(classifier.Predict("医院挂号太难了").Top3, first.Top3);
    }

    [Fact]
    public void Predict_TextLongerThanTheLimit_IsScoredEachTime()
    {
        using var classifier = Classifier(seed: 2);
        var text = new string('排', RememberedPredictions.MaxTextLength) + "队";

        var first = _remembered.Predict(classifier, text);

        Assert.NotSame(first, _remembered.Predict(classifier, text));
    }

    [Fact]
    public async Task Predict_AfterTheModelIsReplaced_AnswersWithTheNewModel()
    {
        var rows = GeneratedMessages.Create(30, seed: 3);
        using var classifier = Classifier(seed: 3, TimeSpan.FromMilliseconds(50));
        var before = _remembered.Predict(classifier, "医院挂号太难了");
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        classifier.ModelReloaded += _ => reloaded.TrySetResult();

        ThemeModel.Save(ThemeModel.Train(rows.Where(r => r.Label is "traffic" or "school")), _path);
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var after = _remembered.Predict(classifier, "医院挂号太难了");

        Assert.NotEqual(before.ModelVersion, after.ModelVersion);
        Assert.Equal(classifier.ModelVersion, after.ModelVersion);
        Assert.Same(after, _remembered.Predict(classifier, "医院挂号太难了"));
    }

    public void Dispose() => File.Delete(_path);

    private ThemeClassifier Classifier(int seed, TimeSpan? reloadCheck = null)
    {
        ThemeModel.Save(ThemeModel.Train(GeneratedMessages.Create(30, seed)), _path);
        return ThemeClassifier.Load(_path, reloadCheck ?? Timeout.InfiniteTimeSpan);
    }
}
