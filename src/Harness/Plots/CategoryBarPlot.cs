using LogicNets.Tasks.Files;
using ScottPlot;

namespace LogicNets.Harness.Plots;

/// <summary>One series of a <see cref="CategoryBarPlot"/>: a value per category (NaN where it has none).</summary>
public sealed record BarSeries(string Label, double[] Values);

/// <summary>Grouped bars, one group per category, written atomically as PNG; optional dashed reference marks per category.</summary>
public static class CategoryBarPlot
{
    public static void Save(string path, string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series,
        BarSeries? reference = null, (double Low, double High)? yLimits = null)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var color = palette.GetColor(s);
            var bars = new List<Bar>();
            for (int c = 0; c < categories.Count; c++)
                if (double.IsFinite(series[s].Values[c]))
                    bars.Add(new Bar { Position = c - 0.4 + width * (s + 0.5), Value = series[s].Values[c], Size = width * 0.9, FillColor = color });
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Label;
            plottable.Color = color;
        }
        if (reference is not null)
            for (int c = 0; c < categories.Count; c++)
            {
                if (!double.IsFinite(reference.Values[c])) continue;
                var line = plot.Add.Line(c - 0.45, reference.Values[c], c + 0.45, reference.Values[c]);
                line.Color = Colors.Black;
                line.LineWidth = 2;
                line.LinePattern = LinePattern.Dashed;
                line.LegendText = c == Array.FindIndex(reference.Values, double.IsFinite) ? reference.Label : "";
            }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(c => (double)c).ToArray(), categories.ToArray());
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        if (yLimits is { } limits) plot.Axes.SetLimitsY(limits.Low, limits.High);
        var bytes = plot.GetImageBytes(LinePlot.Width + 200, LinePlot.Height, ImageFormat.Png);
        AtomicFile.Write(path, temp => File.WriteAllBytes(temp, bytes));
    }
}
