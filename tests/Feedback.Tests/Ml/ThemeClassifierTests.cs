using Feedback.Ml;

namespace Feedback.Tests.Ml;

public sealed class ThemeClassifierTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"classifier-{Guid.NewGuid():N}.zip");

    [Fact]
    public void Predict_ReturnsTopThreeInScoreOrderWithTheModelVersion()
    {
        ThemeModel.Save(ThemeModel.Train(GeneratedMessages.Create(40, seed: 1)), _path);
        using var classifier = ThemeClassifier.Load(_path);

        var prediction = classifier.Predict("医院挂号太难了，门诊排不上");

        Assert.Equal("health", prediction.Theme);
        Assert.Equal(3, prediction.Top3.Count);
        Assert.Equal(prediction.Confidence, prediction.Top3[0].Score);
        Assert.True(prediction.Top3[0].Score >= prediction.Top3[1].Score && prediction.Top3[1].Score >= prediction.Top3[2].Score);
        Assert.Equal(classifier.ModelVersion, prediction.ModelVersion);
    }

    [Theory]
    [InlineData("char2+lbfgs")]
    [InlineData("words+lbfgs")]
    public void Predict_FromManyThreads_GivesTheSequentialAnswers(string pipeline)
    {
        ThemeModel.Save(ThemeModel.Train(GeneratedMessages.Create(40, seed: 2), ThemePipeline.Parse(pipeline)), _path);
        using var classifier = ThemeClassifier.Load(_path);
        var texts = GeneratedMessages.Create(40, seed: 3).Select(r => r.Text).ToArray();
        var expected = texts.Select(t => classifier.Predict(t)).ToArray();

        var actual = new ThemePrediction[16][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            thread => actual[thread] = texts.Select(t => classifier.Predict(t)).ToArray());

        foreach (var run in actual)
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(expected[i].Theme, run[i].Theme);
                Assert.Equal(expected[i].Top3.Select(s => (s.Theme, s.Score)), run[i].Top3.Select(s => (s.Theme, s.Score)));
            }
    }

    [Fact]
    public async Task Predict_AfterTheModelFileIsReplaced_UsesTheNewModel()
    {
        var rows = GeneratedMessages.Create(30, seed: 4);
        ThemeModel.Save(ThemeModel.Train(rows), _path);
        using var classifier = ThemeClassifier.Load(_path, TimeSpan.FromMilliseconds(50));
        var before = classifier.ModelVersion;
        var reloaded = new TaskCompletionSource<ThemeModelInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        classifier.ModelReloaded += info => reloaded.TrySetResult(info);

        // The new model knows only two labels, so its answers are recognisably different.
        ThemeModel.Save(ThemeModel.Train(rows.Where(r => r.Label is "traffic" or "school")), _path);
        var info = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.NotEqual(before, classifier.ModelVersion);
        Assert.Equal(info.Version, classifier.Predict("医院挂号太难了").ModelVersion);
        Assert.Equal(["school", "traffic"], classifier.ModelInfo.Labels);
    }

    [Fact]
    public async Task Predict_AfterTheModelFileIsReplacedByGarbage_KeepsTheOldModel()
    {
        ThemeModel.Save(ThemeModel.Train(GeneratedMessages.Create(30, seed: 5)), _path);
        using var classifier = ThemeClassifier.Load(_path, TimeSpan.FromMilliseconds(50));
        var before = classifier.ModelVersion;
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        classifier.ReloadFailed += e => failed.TrySetResult(e);

        await File.WriteAllTextAsync(_path, "half a model", TestContext.Current.CancellationToken);
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(before, classifier.Predict("医院挂号太难了").ModelVersion);
    }

    [Fact]
    public async Task Predict_WhileModelsAreSwapped_NeverFails()
    {
        var rows = GeneratedMessages.Create(20, seed: 6);
        ThemeModel.Save(ThemeModel.Train(rows), _path);
        using var classifier = ThemeClassifier.Load(_path, TimeSpan.FromMilliseconds(10));
        var reloads = 0;
        classifier.ModelReloaded += _ => Interlocked.Increment(ref reloads);
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
                count += classifier.Predict("公交车和地铁站的事").Theme.Length > 0 ? 1 : 0;
            return count;
        })).ToArray();
        for (var i = 0; i < 3; i++)
        {
            ThemeModel.Save(ThemeModel.Train(rows.Skip(i)), _path);
            var target = i + 1;
            await WaitUntilAsync(() => Volatile.Read(ref reloads) >= target);
        }
        await stop.CancelAsync();

        Assert.All(await Task.WhenAll(readers), count => Assert.True(count > 0));
    }

    [Fact]
    public void Load_OfAMissingFile_ThrowsThemeDataException() =>
        Assert.Throws<ThemeDataException>(() => ThemeClassifier.Load(_path));

    public void Dispose() => File.Delete(_path);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for a model reload");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
