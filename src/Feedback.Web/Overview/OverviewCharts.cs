using System.Globalization;
using Feedback.Web.Reports;
using ScottPlot;

namespace Feedback.Web.Overview;

/// <summary>
/// The overview's charts, drawn by ScottPlot as SVG on the server: no script in the page. They are served as images
/// (<c>/overview/charts/…</c>), so department names inside them can never run as markup.
/// </summary>
internal static class OverviewCharts
{
    public const int Width = 900;
    private const string GoodRatesTitle = "各部门好评率：本周至今与上周同期", CasesTitle = "各部门在办工单（其中已超期）";
    private const string ThisWeekLabel = "本周至今", LastWeekLabel = "上周同期", OpenLabel = "在办", OverdueLabel = "其中已超期";
    private const string RateAxis = "好评率（%）", ZoomedRateAxis = "好评率（%，横轴自 {0:0}% 起）", CountAxis = "工单数", NoDataLabel = "暂无数据";

    /// <summary>
    /// Every text the charts may draw, for the font: ScottPlot measures and writes each glyph with the typeface it is
    /// given, so it must hold them all (a system font picked per label dropped some characters).
    /// </summary>
    public static IEnumerable<string> Texts(CentreOverview overview) =>
    [
        GoodRatesTitle, CasesTitle, ThisWeekLabel, LastWeekLabel, OpenLabel, OverdueLabel, RateAxis, ZoomedRateAxis, CountAxis, NoDataLabel,
        .. overview.Departments.Select(d => d.Name),
    ];
    private static readonly Color ThisWeek = new ScottPlot.Palettes.Category10().Colors[0];
    private static readonly Color LastWeek = new ScottPlot.Palettes.Category10().Colors[7];
    private static readonly Color Late = new(0xc6, 0x28, 0x28);

    /// <summary>好评率 of each department, this week so far beside the same stretch of last week, from a round floor to 100 %.</summary>
    public static string GoodRates(CentreOverview overview, ReportFont font)
    {
        using var plot = new Plot();
        var departments = overview.Departments.Reverse().ToList();
        var rates = departments.Select(d => (Now: Indicators.GoodRate.Compute(d.ThisWeek) * 100, Before: Indicators.GoodRate.Compute(d.LastWeek) * 100)).ToList();
        var known = rates.SelectMany(r => new[] { r.Now, r.Before }).OfType<double>().ToList();
        if (known.Count == 0)
            return NoData(plot, GoodRatesTitle, font);
        var lower = ReportCharts.RateFloor(known.Min());
        var bars = new List<Bar>();
        for (var i = 0; i < departments.Count; i++)
        {
            if (rates[i].Before is { } before)
                bars.Add(new Bar { Position = i * 3, Value = before, ValueBase = lower, FillColor = LastWeek, Label = before.ToString("0.0", CultureInfo.InvariantCulture) });
            if (rates[i].Now is { } now)
                bars.Add(new Bar { Position = i * 3 + 1, Value = now, ValueBase = lower, FillColor = ThisWeek, Label = now.ToString("0.0", CultureInfo.InvariantCulture) });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. departments.Select((_, i) => i * 3 + 0.5)], [.. departments.Select(d => d.Name)]);
        ReportCharts.RateAxis(plot.Axes.Bottom, lower);
        plot.Axes.SetLimitsX(lower, 100 + (100 - lower) * 0.1);
        plot.Axes.SetLimitsY(-1, departments.Count * 3 - 1);
        plot.XLabel(lower > 0 ? string.Format(CultureInfo.InvariantCulture, ZoomedRateAxis, lower) : RateAxis);
        Legend(plot, ThisWeekLabel, LastWeekLabel);
        return Svg(plot, GoodRatesTitle, 80 + departments.Count * 42, font);
    }

    /// <summary>Cases each department owes now: in progress, of which overdue.</summary>
    public static string Cases(CentreOverview overview, ReportFont font)
    {
        using var plot = new Plot();
        var departments = overview.Departments.Reverse().ToList();
        if (departments.All(d => d.Cases.Open == 0))
            return NoData(plot, CasesTitle, font);
        var bars = new List<Bar>();
        for (var i = 0; i < departments.Count; i++)
        {
            var load = departments[i].Cases;
            bars.Add(new Bar { Position = i, Value = load.Open, FillColor = ThisWeek, Label = load.Open.ToString(CultureInfo.InvariantCulture) });
            if (load.Overdue > 0)
                bars.Add(new Bar { Position = i, Value = load.Overdue, FillColor = Late });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. departments.Select((_, i) => (double)i)], [.. departments.Select(d => d.Name)]);
        plot.Axes.Margins(left: 0);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.XLabel(CountAxis);
        Legend(plot, OpenLabel, OverdueLabel, Late);
        return Svg(plot, CasesTitle, 80 + departments.Count * 30, font);
    }

    private static void Legend(Plot plot, string first, string second, Color? secondColour = null)
    {
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = first, FillColor = ThisWeek });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = second, FillColor = secondColour ?? LastWeek });
        plot.ShowLegend(Alignment.LowerRight);
    }

    private static string NoData(Plot plot, string title, ReportFont font)
    {
        var note = plot.Add.Annotation(NoDataLabel, Alignment.MiddleCenter);
        note.LabelFontSize = 22;
        note.LabelBackgroundColor = Colors.White;
        note.LabelBorderWidth = 0;
        note.LabelShadowColor = Colors.Transparent;
        plot.Axes.Frameless();
        plot.HideGrid();
        return Svg(plot, title, 160, font);
    }

    private static string Svg(Plot plot, string title, int height, ReportFont font)
    {
        plot.Title(title, 16);
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Font.Set(font.Name);
        plot.Legend.FontName = font.Name;
        foreach (var item in plot.Legend.ManualItems)
            item.LabelStyle.FontName = font.Name;
        foreach (var annotation in plot.GetPlottables<ScottPlot.Plottables.Annotation>())
            annotation.LabelStyle.FontName = font.Name;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
            bars.ValueLabelStyle.FontName = font.Name;
        return plot.GetSvgXml(Width, height);
    }
}
