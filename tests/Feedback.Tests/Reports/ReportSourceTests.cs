using Feedback.Tests.Ml;

namespace Feedback.Tests.Reports;

/// <summary>
/// The PDF embeds only the characters the report declares (ReportLabels and the data); a Chinese literal in the
/// drawing code would print as blanks and vanish from the PDF's text. Keep them in ReportLabels.
/// </summary>
public sealed class ReportSourceTests
{
    [Theory]
    [InlineData("ReportPdf.cs")]
    [InlineData("PdfPages.cs")]
    [InlineData("ReportCharts.cs")]
    [InlineData("SummaryImage.cs")]
    [InlineData("WeeklyFigures.cs")]
    [InlineData("ReportAnalysis.cs")]
    [InlineData("ReportFiles.cs")]
    public void DrawingCode_HasNoChineseText(string file)
    {
        var source = File.ReadAllText(RepositoryFiles.Path(Path.Combine("src", "Feedback.Web", "Reports", file)));

        Assert.DoesNotContain(source, c => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef');
    }
}
