using System.Globalization;
using ScottPlot;

namespace Feedback.Web.Reports;

/// <summary>A chart of the report: its PNG file name and the plot, drawn both as a PNG and as vectors in the PDF.</summary>
internal sealed record ReportChart(string FileName, string Heading, Plot Plot) : IDisposable
{
    /// <summary>Logical size: the PNG's pixels; the PDF scales the same layout into the page width.</summary>
    public const int Width = 1000, Height = 500;

    public void Dispose() => Plot.Dispose();

    /// <summary>Draws at the canvas origin, clipped: ScottPlot clears the canvas before drawing, which would wipe the page.</summary>
    public static void Draw(SkiaSharp.SKCanvas canvas, Plot plot)
    {
        canvas.Save();
        canvas.ClipRect(new SkiaSharp.SKRect(0, 0, Width, Height));
        plot.Render(canvas, new PixelRect(0, Width, Height, 0));
        canvas.Restore();
    }
}

/// <summary>The report's charts built with ScottPlot. A chart without data says so instead of showing empty axes.</summary>
internal static class ReportCharts
{
    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    public static List<ReportChart> Create(WeeklyReport report, ReportFont font) =>
        [.. ReportFiles.Charts.Select(c => new ReportChart(c.File, c.Title, Styled(Titled(Build(c.File, report), report, c.Title), font)))];

    private static Plot Build(string file, WeeklyReport report) => file switch
    {
        ReportFiles.Trend => Trend(report),
        ReportFiles.Channels => Channels(report),
        ReportFiles.Departments => Departments(report),
        ReportFiles.Themes => Themes(report),
        ReportFiles.Funnel => Funnel(report.Current),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "Not a chart of the report."),
    };

    /// <summary>Every image names the centre, the chart and the week: a PNG forwarded alone still says what it is.</summary>
    private static Plot Titled(Plot plot, WeeklyReport report, string title)
    {
        plot.Title(string.Format(CultureInfo.InvariantCulture, ReportLabels.ChartTitleFormat, report.Scope is { } scope ? $"{report.Centre} · {scope.Name}" : report.Centre, title,
            report.Week.Monday.ToDateTime(TimeOnly.MinValue), report.Week.Sunday.ToDateTime(TimeOnly.MinValue)), 20);
        return plot;
    }

    /// <summary>The funnel's stages, shared by the chart and the summary.</summary>
    public static (string Label, long Count)[] FunnelStages(WeekCounts c) =>
    [
        (ReportLabels.FunnelCases, c.Cases), (ReportLabels.FunnelValid, c.ValidCases), (ReportLabels.FunnelReplied, c.Replied),
        (ReportLabels.FunnelOnTime, c.RepliedOnTime), (ReportLabels.FunnelClosed, c.Closed), (ReportLabels.FunnelSatisfied, c.Satisfied),
    ];

    private static Plot Trend(WeeklyReport report)
    {
        var plot = new Plot();
        var rates = report.Trend.Select(p => Indicators.GoodRate.Compute(p.Counts) * 100).ToList();
        if (rates.All(r => r is null))
            return NoData(plot);
        var lower = RateFloor(rates.OfType<double>().Min());
        // A line through the weeks with data; a week without ratings breaks it and says so, rather than being bridged.
        for (var i = 0; i < rates.Count;)
        {
            if (rates[i] is null)
            {
                var note = plot.Add.Text(ReportLabels.NoDataShort, i, lower + (100 - lower) * 0.04);
                note.LabelFontSize = 13;
                note.LabelFontColor = Colors.Gray;
                note.LabelAlignment = Alignment.LowerCenter;
                i++;
                continue;
            }
            var run = Enumerable.Range(i, rates.Count - i).TakeWhile(j => rates[j] is not null).ToList();
            var line = plot.Add.Scatter(run.Select(j => (double)j).ToArray(), run.Select(j => rates[j]!.Value).ToArray(), Palette[0]);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            i += run.Count;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. report.Trend.Select((_, i) => (double)i)], [.. report.Trend.Select(p => p.Week.Monday.ToString("M'/'d", CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(-0.5, report.Trend.Count - 0.5);
        RateAxis(plot.Axes.Left, lower);
        plot.Axes.SetLimitsY(lower, 100 + (100 - lower) * 0.04);
        plot.XLabel(ReportLabels.WeekAxis);
        plot.YLabel(RateLabel(ReportLabels.ZoomedRateAxis, lower));
        return plot;
    }

    /// <summary>
    /// The bottom of a rate axis: a round ten at most 80 %, so that a change of a point or two looks like one (the top is
    /// always 100 %); the axis label says when it does not start at zero.
    /// </summary>
    internal static double RateFloor(double lowest) => Math.Max(0, Math.Min(80, Math.Floor(lowest / 10) * 10));

    internal static void RateAxis(IAxis axis, double lower)
    {
        var step = 100 - lower <= 20 ? 5 : 10;
        var ticks = Enumerable.Range(0, (int)((100 - lower) / step) + 1).Select(i => lower + i * step).ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. ticks.Select(t => t.ToString("0", CultureInfo.InvariantCulture))]);
    }

    private static string RateLabel(string zoomedFormat, double lower) =>
        lower > 0 ? string.Format(CultureInfo.InvariantCulture, zoomedFormat, lower) : ReportLabels.RateAxis;

    private static Plot Channels(WeeklyReport report)
    {
        var plot = new Plot();
        if (report.DailyByChannel.Count == 0)
            return NoData(plot);
        var channels = report.DailyByChannel.Select(d => d.Channel).Distinct().Order(StringComparer.Ordinal).ToList();
        var bars = new List<Bar>();
        for (var day = 0; day < 7; day++)
        {
            double stacked = 0;
            foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
            {
                var count = report.DailyByChannel.Where(d => d.Day == day && d.Channel == channel).Sum(d => d.Count);
                bars.Add(new Bar { Position = day, ValueBase = stacked, Value = stacked + count, FillColor = Palette[i % Palette.Length] });
                stacked += count;
            }
        }
        plot.Add.Bars(bars);
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = ReportLabels.Channel(channel), FillColor = Palette[i % Palette.Length] });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 1, 2, 3, 4, 5, 6], [.. ReportLabels.Weekdays.Select((d, i) => $"{ReportLabels.Weekday}{d} {report.Week.Monday.AddDays(i):M/d}")]);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(ReportLabels.RatingsAxis);
        return plot;
    }

    private static Plot Departments(WeeklyReport report)
    {
        var units = report.Departments.Where(d => d.Counts.Total > 0).Reverse().ToList();
        var rates = units.Select(d => Indicators.GoodRate.Compute(d.Counts)!.Value * 100).ToList();
        if (rates.Count == 0)
            return NoData(new Plot());
        var lower = RateFloor(rates.Min());
        var plot = HorizontalBars(units.Select(d => d.Name).ToList(), rates, RateLabel(ReportLabels.ZoomedRateAxisX, lower));
        RateAxis(plot.Axes.Bottom, lower);
        // Room right of 100 % for the value labels.
        plot.Axes.SetLimitsX(lower, 100 + (100 - lower) * 0.1);
        return plot;
    }

    private static Plot Themes(WeeklyReport report)
    {
        var plot = new Plot();
        if (report.Themes.Count == 0)
            return NoData(plot);
        plot.Add.Bars(report.Themes.Select((t, i) => new Bar { Position = i * 3, Value = t.ThisWeek, FillColor = Palette[0] }).ToList());
        plot.Add.Bars(report.Themes.Select((t, i) => new Bar { Position = i * 3 + 1, Value = t.LastWeek, FillColor = Palette[7] }).ToList());
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = ReportLabels.ThisWeek, FillColor = Palette[0] });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = ReportLabels.LastWeek, FillColor = Palette[7] });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. report.Themes.Select((_, i) => i * 3 + 0.5)], [.. report.Themes.Select(t => ReportLabels.ThemeName(t.Theme))]);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(ReportLabels.Count);
        return plot;
    }

    private static Plot Funnel(WeekCounts counts)
    {
        var stages = FunnelStages(counts).Reverse().ToList();
        return counts.Cases == 0
            ? NoData(new Plot())
            : HorizontalBars(stages.Select(s => s.Label).ToList(), stages.Select(s => (double)s.Count).ToList(), ReportLabels.Count);
    }

    private static Plot HorizontalBars(List<string> labels, List<double> values, string axis)
    {
        var plot = new Plot();
        if (labels.Count == 0)
            return NoData(plot);
        var bars = plot.Add.Bars(values.Select((v, i) => new Bar { Position = i, Value = v, FillColor = Palette[0], Label = v.ToString("#,0.#", CultureInfo.InvariantCulture) }).ToList());
        bars.Horizontal = true;
        bars.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. labels.Select((_, i) => (double)i)], [.. labels]);
        plot.Axes.Margins(left: 0);
        plot.XLabel(axis);
        return plot;
    }

    private static Plot NoData(Plot plot)
    {
        var note = plot.Add.Annotation(ReportLabels.NoData, Alignment.MiddleCenter);
        note.LabelFontSize = 28;
        note.LabelBackgroundColor = Colors.White;
        note.LabelBorderWidth = 0;
        note.LabelShadowColor = Colors.Transparent;
        plot.Axes.Frameless();
        plot.HideGrid();
        return plot;
    }

    private static Plot Styled(Plot plot, ReportFont font)
    {
        plot.Font.Set(font.Name);
        foreach (var annotation in plot.GetPlottables<ScottPlot.Plottables.Annotation>())
            annotation.LabelStyle.FontName = font.Name;
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>())
            text.LabelFontName = font.Name;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
            bars.ValueLabelStyle.FontName = font.Name;
        plot.Legend.FontName = font.Name;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        return plot;
    }
}
