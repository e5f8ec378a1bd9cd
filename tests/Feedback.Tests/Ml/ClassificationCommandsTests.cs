using System.CommandLine;
using System.Text.Json;
using Feedback.Ml;
using Feedback.Web.Classification;

namespace Feedback.Tests.Ml;

public sealed class ClassificationCommandsTests : IDisposable
{
    private readonly List<string> _files = [];

    [Fact]
    public async Task Crossval_WithJsonOnAnotherLabelSet_PrintsOnlyOneJsonObject()
    {
        var data = Csv(GeneratedMessages.Create(20, seed: 1), textColumn: "留言详情", labelColumn: "一级标签");

        var (code, stdout, stderr) = await RunAsync("crossval", "--data", data, "--folds", "3", "--text-column", "留言详情", "--label-column", "一级标签", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.InRange(json.RootElement.GetProperty("macroF1").GetDouble(), 0.9, 1.0);
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0.9, 1.0);
        Assert.Equal(GeneratedMessages.Labels.Order(), json.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("fold 3/3", stderr);
    }

    [Fact]
    public async Task TrainThenEvaluate_WithJson_ReportsAccuracyAndMacroF1()
    {
        var model = Temp(".zip");
        var (trainCode, trainOut, _) = await RunAsync("train", "--data", Csv(GeneratedMessages.Create(30, seed: 2)), "--out", model);

        var (code, stdout, _) = await RunAsync("evaluate", "--model", model, "--data", Csv(GeneratedMessages.Create(10, seed: 3)), "--json");

        Assert.Equal(0, trainCode);
        Assert.Contains("saved", trainOut);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("macroF1").GetDouble() >= 0.9);
        Assert.Equal(5, json.RootElement.GetProperty("confusionMatrix").GetArrayLength());
    }

    [Fact]
    public async Task Evaluate_WithoutJson_PrintsPerClassTableAndConfusionMatrix()
    {
        var model = Temp(".zip");
        ThemeModel.Save(ThemeModel.Train(GeneratedMessages.Create(30, seed: 4)), model);

        var (code, stdout, _) = await RunAsync("evaluate", "--model", model, "--data", Csv(GeneratedMessages.Create(10, seed: 5)));

        Assert.Equal(0, code);
        Assert.Contains("macro-F1", stdout);
        Assert.Contains("pollution", stdout);
        Assert.Contains("confusion matrix", stdout);
    }

    [Theory]
    [InlineData("missing-file")]
    [InlineData("missing-column")]
    [InlineData("one-label")]
    [InlineData("one-fold")]
    public async Task Crossval_OnInvalidInput_ExitsWith2AndOneErrorLine(string problem)
    {
        var data = Csv(GeneratedMessages.Create(10, seed: 6).Where(r => problem != "one-label" || r.Label == "traffic"));
        string[] args = problem switch
        {
            "missing-file" => ["crossval", "--data", "/nonexistent/data.csv"],
            "missing-column" => ["crossval", "--data", data, "--label-column", "category"],
            "one-label" => ["crossval", "--data", data],
            _ => ["crossval", "--data", data, "--folds", "1"],
        };

        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
    }

    [Fact]
    public async Task Train_WithAnUnknownPipeline_ExitsWith2()
    {
        var (code, _, stderr) = await RunAsync("train", "--data", Csv(GeneratedMessages.Create(5, seed: 7)), "--out", Temp(".zip"), "--pipeline", "bert+magic");

        Assert.Equal(2, code);
        Assert.Contains("unknown pipeline", stderr);
    }

    [Fact]
    public async Task Crossval_ModelPolarity_ReadsThePolarityColumnAndPrintsSignalRates()
    {
        var data = Csv(PolarityRows(60), labelColumn: "polarity");

        var (code, stdout, _) = await RunAsync("crossval", "--model", "polarity", "--data", data, "--folds", "3");
        var (jsonCode, json, _) = await RunAsync("crossval", "--model", "polarity", "--data", data, "--folds", "3", "--json", "--signal-threshold", "0.6");

        Assert.Equal(0, code);
        Assert.StartsWith(ModelKind.Polarity.Pipeline.Name, stdout);
        Assert.Contains("signals at confidence ≥ 0.75", stdout);
        Assert.Contains("good rating, complaints flagged 疑似差评", stdout);
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(0.6, document.RootElement.GetProperty("signals").GetProperty("threshold").GetDouble());
        Assert.Equal(PolaritySignalRates.Sweep.Count, document.RootElement.GetProperty("signalsByThreshold").GetArrayLength());
    }

    [Fact]
    public async Task Evaluate_ModelPolarity_ScoresTheShippedModelWithSignals()
    {
        var data = Csv(PolarityRows(20), labelColumn: "polarity");

        var (code, stdout, _) = await RunAsync("evaluate", "--model", "polarity", "--data", data, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(ModelKind.Polarity.Pipeline.Name, json.RootElement.GetProperty("pipeline").GetString());
        Assert.True(json.RootElement.GetProperty("signals").GetProperty("goodRatingComplaintsCaught").GetDouble() > 0.5);
    }

    [Fact]
    public async Task Train_PolarityWithCorrections_ExitsWith2()
    {
        var (code, _, stderr) = await RunAsync("train", "--model", "polarity", "--include-corrections", "--out", Temp(".zip"));

        Assert.Equal(2, code);
        Assert.Contains("themes model only", stderr);
    }

    /// <summary>The first rows of each class of the polarity training file.</summary>
    private static IEnumerable<(string Text, string Label)> PolarityRows(int perClass) =>
        LabelledCsv.Read(RepositoryFiles.Path(ModelKind.Polarity.TrainPath), labelColumn: "polarity").GroupBy(r => r.Label).SelectMany(g => g.Take(perClass));

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.AddClassificationCommands();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);

        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Csv(IEnumerable<(string Text, string Label)> rows, string textColumn = "text", string labelColumn = "theme")
    {
        var path = GeneratedMessages.WriteCsv(rows, textColumn, labelColumn);
        _files.Add(path);
        return path;
    }

    private string Temp(string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}{extension}");
        _files.Add(path);
        return path;
    }

    public void Dispose() => _files.ForEach(File.Delete);
}
