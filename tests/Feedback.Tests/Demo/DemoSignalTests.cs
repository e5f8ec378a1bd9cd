using Feedback.Tests.Ml;
using Feedback.Web.Classification;
using Feedback.Web.Demo;
using Feedback.Web.Evaluations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feedback.Tests.Demo;

/// <summary>The demo's comments through the shipped models: its 疑似差评 are its hidden complaints, never its praise.</summary>
public sealed class DemoSignalTests : IDisposable
{
    private readonly ThemeTagger _tagger = new(Options.Create(new ClassificationOptions
    {
        ModelPath = RepositoryFiles.Path("models/themes.zip"),
        PolarityModelPath = RepositoryFiles.Path("models/polarity.zip"),
    }), NullLogger<ThemeTagger>.Instance);

    [Fact]
    public void PraiseAndNeutralComments_OnGoodRatings_AreNeverFlagged()
    {
        var flagged = DemoData.Praise.Select(c => (c, Rating: 5)).Concat(DemoData.Praise.Select(c => (c, Rating: 4)))
            .Concat(DemoData.Neutral.Select(c => (c, Rating: 3)))
            .Where(r => r.c.Length > 0 && Signal(r.Rating, r.c) is not null).Select(r => r.c).ToList();

        Assert.Empty(flagged);
    }

    [Fact]
    public void HiddenComplaints_OnGoodRatings_AreMostlyFlagged()
    {
        var missed = DemoData.HiddenComplaints.Where(c => Signal(5, c) != ThemeSignals.SuspectedBad).ToList();

        Assert.True(missed.Count <= DemoData.HiddenComplaints.Length / 4, $"not flagged: {string.Join(" | ", missed)}");
    }

    [Fact]
    public void Complaints_OnBadRatings_AreNeverAppealCandidates()
    {
        var flagged = DemoData.Complaints.Where(c => Signal(1, c) == ThemeSignals.AppealCandidate).ToList();

        Assert.Empty(flagged);
    }

    private string? Signal(int rating, string comment)
    {
        var evaluation = new Evaluation { Channel = "qr", DepartmentCode = "D01", Rating = (short)rating, Comment = comment };
        _tagger.Tag(evaluation);
        return evaluation.ThemeSignal;
    }

    public void Dispose() => _tagger.Dispose();
}
