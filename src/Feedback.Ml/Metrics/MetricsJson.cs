using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Feedback.Ml;

/// <summary>JSON for metrics: camelCase, Chinese labels left readable, numbers rounded to 4 places.</summary>
public static class MetricsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static JsonObject ForEvaluation(ClassificationMetrics metrics, ThemeModelInfo model)
    {
        var json = new JsonObject
        {
            ["modelVersion"] = model.Version,
            ["pipeline"] = model.Pipeline,
        };
        return Append(json, metrics);
    }

    public static JsonObject ForCrossValidation(CrossValidationResult result)
    {
        var json = new JsonObject
        {
            ["pipeline"] = result.Pipeline,
            ["folds"] = result.Folds,
            ["macroF1StdDev"] = Round(result.MacroF1StdDev),
            ["foldMacroF1"] = new JsonArray([.. result.FoldMacroF1.Select(f => (JsonNode?)Round(f))]),
            ["foldAccuracy"] = new JsonArray([.. result.FoldAccuracy.Select(f => (JsonNode?)Round(f))]),
            ["seconds"] = Math.Round(result.Seconds, 1),
        };
        return Append(json, result.Pooled);
    }

    /// <summary>One entry per pipeline with its pooled scores; per-class detail stays in each crossval run.</summary>
    public static JsonObject ForComparison(IReadOnlyList<CrossValidationResult> results, int rows) => new()
    {
        ["rows"] = rows,
        ["folds"] = results.FirstOrDefault()?.Folds ?? 0,
        ["pipelines"] = new JsonArray([.. results.OrderByDescending(r => r.Pooled.MacroF1).Select(r => (JsonNode?)new JsonObject
        {
            ["pipeline"] = r.Pipeline,
            ["macroF1"] = Round(r.Pooled.MacroF1),
            ["accuracy"] = Round(r.Pooled.Accuracy),
            ["macroF1StdDev"] = Round(r.MacroF1StdDev),
            ["seconds"] = Math.Round(r.Seconds, 1),
        })]),
    };

    public static JsonObject ForSignals(PolaritySignalRates rates) => new()
    {
        ["threshold"] = rates.Threshold,
        ["praise"] = rates.Praise,
        ["complaint"] = rates.Complaint,
        ["neutral"] = rates.Neutral,
        ["goodRatingFalseFlags"] = Round(rates.GoodFalseFlags),
        ["goodRatingComplaintsCaught"] = Round(rates.GoodCaught),
        ["badRatingPraiseCaught"] = Round(rates.BadAppealsCaught),
        ["badRatingComplaintsFalselyFlagged"] = Round(rates.BadFalseAppeals),
        ["badRatingNeutralFlagged"] = Round(rates.BadNeutralAppeals),
        ["meetsTargets"] = rates.MeetsTargets,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    private static JsonObject Append(JsonObject json, ClassificationMetrics metrics)
    {
        json["rows"] = metrics.Count;
        json["accuracy"] = Round(metrics.Accuracy);
        json["macroF1"] = Round(metrics.MacroF1);
        json["macroPrecision"] = Round(metrics.MacroPrecision);
        json["macroRecall"] = Round(metrics.MacroRecall);
        json["perClass"] = new JsonArray([.. metrics.PerClass.Select(c => (JsonNode?)new JsonObject
        {
            ["label"] = c.Label,
            ["support"] = c.Support,
            ["precision"] = Round(c.Precision),
            ["recall"] = Round(c.Recall),
            ["f1"] = Round(c.F1),
        })]);
        json["labels"] = new JsonArray([.. metrics.Labels.Select(l => (JsonNode?)l)]);
        json["confusionMatrix"] = new JsonArray([.. metrics.ConfusionMatrix.Select(row =>
            (JsonNode?)new JsonArray([.. row.Select(n => (JsonNode?)n)]))]);
        return json;
    }

    private static double Round(double value) => Math.Round(value, 4);
}
