using Feedback.Ml;

namespace Feedback.Tests.Ml;

public sealed class ThemeModelTests
{
    [Fact]
    public void Train_OnGeneratedMessages_ScoresHeldOutMessagesAboveFloor()
    {
        var model = ThemeModel.Train(GeneratedMessages.Create(perLabel: 60, seed: 1));

        var metrics = ThemeModel.Evaluate(model, GeneratedMessages.Create(perLabel: 20, seed: 2));

        Assert.True(metrics.MacroF1 >= 0.95, $"macro-F1 {metrics.MacroF1:F3}");
        Assert.Equal(GeneratedMessages.Labels.Order(), model.Labels);
    }

    [Fact]
    public void Train_OnThemesTrainingSubset_ScoresDevSetAboveFloor()
    {
        var train = LabelledCsv.Read(RepositoryFiles.Path("models/themes.train.csv"));
        var subset = train.GroupBy(r => r.Label).SelectMany(g => g.Take(80)).ToList();

        var model = ThemeModel.Train(subset);
        var metrics = ThemeModel.Evaluate(model, LabelledCsv.Read(RepositoryFiles.Path("models/themes.dev.csv")));

        Assert.Equal(11, model.Labels.Count);
        Assert.True(metrics.MacroF1 >= 0.75, $"macro-F1 {metrics.MacroF1:F3}");
    }

    [Theory]
    [InlineData("char2+lbfgs")]
    [InlineData("char3n+lbfgs")]
    [InlineData("char3nl+lbfgs")]
    [InlineData("words+lbfgs")]
    [InlineData("ml-char3+sdca")]
    public void SaveThenLoad_AnyPipeline_GivesTheSamePredictions(string pipeline)
    {
        var model = ThemeModel.Train(GeneratedMessages.Create(40, seed: 3), ThemePipeline.Parse(pipeline));
        var texts = GeneratedMessages.Create(10, seed: 4).Select(r => r.Text).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"theme-{Guid.NewGuid():N}.zip");

        ThemeModel.Save(model, path);
        var loaded = ThemeModel.Load(path);

        Assert.Equal(model.PredictLabels(texts), loaded.PredictLabels(texts));
        Assert.Equal(pipeline, loaded.Info.Pipeline);
        Assert.Equal(200, loaded.Info.TrainingRows);
        Assert.Matches("^[0-9a-f]{12}$", loaded.Info.Version);
        File.Delete(path);
    }

    [Fact]
    public void Train_FromCsvWithOtherColumnNames_ReadsThoseColumns()
    {
        var path = GeneratedMessages.WriteCsv(GeneratedMessages.Create(30, seed: 5), textColumn: "message", labelColumn: "board");

        var model = ThemeModel.Train(path, textColumn: "message", labelColumn: "board");

        Assert.Equal(GeneratedMessages.Labels.Order(), model.Labels);
        File.Delete(path);
    }

    [Fact]
    public void Train_WithOneLabel_ThrowsThemeDataException()
    {
        var rows = GeneratedMessages.Create(10, seed: 6).Where(r => r.Label == "traffic");

        var error = Assert.Throws<ThemeDataException>(() => ThemeModel.Train(rows));

        Assert.Contains("at least 2 distinct labels", error.Message);
    }

    [Fact]
    public void CrossValidate_OnGeneratedNonThemeLabels_ScoresEveryRowOnce()
    {
        var rows = GeneratedMessages.Create(30, seed: 7);

        var result = ThemeModel.CrossValidate(rows, folds: 3);

        Assert.Equal(rows.Count, result.Pooled.Count);
        Assert.Equal(3, result.FoldMacroF1.Count);
        Assert.Equal(GeneratedMessages.Labels.Order(), result.Pooled.Labels);
        Assert.True(result.Pooled.MacroF1 >= 0.9, $"macro-F1 {result.Pooled.MacroF1:F3}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void CrossValidate_WithFewerThanTwoFolds_ThrowsThemeDataException(int folds)
    {
        var rows = GeneratedMessages.Create(5, seed: 8);

        Assert.Throws<ThemeDataException>(() => ThemeModel.CrossValidate(rows, folds));
    }

    [Fact]
    public void Load_OfAFileThatIsNotAModel_ThrowsThemeDataException()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a zip");

        Assert.Throws<ThemeDataException>(() => ThemeModel.Load(path));
        File.Delete(path);
    }
}
