using LogicNets.Tasks.Files;
using ScottPlot;

namespace LogicNets.Harness.Plots;

/// <summary>One line of a <see cref="LinePlot"/>, with optional scattered raw points (seeds) in the same colour.</summary>
public sealed record LineSeries(string Label, double[] X, double[] Y, double[]? PointsX = null, double[]? PointsY = null);

/// <summary>Tick marks placed and labelled by the caller (log-scale values, layer names).</summary>
public sealed record AxisTicks(double[] Positions, string[] Labels);

/// <summary>A dashed horizontal line with its meaning in the legend (e.g. the memorise baseline).</summary>
public sealed record ReferenceLine(string Label, double Y);

/// <summary>Headless line charts (ScottPlot, Skia) written atomically as PNG: the pictures every diagnostic leaves.</summary>
/// <remarks>The legend sits to the right of the data, never over it; more than 10 lines take a 20-colour palette so no two share a colour.</remarks>
public static class LinePlot
{
    public const int Width = 1150;
    public const int Height = 560;

    /// <param name="xTicks">Ticks to show instead of ScottPlot's own (null: automatic).</param>
    /// <param name="references">Dashed horizontal lines, each named in the legend.</param>
    /// <param name="pointsLegend">Legend text for the faint per-run points, when any series has them.</param>
    public static void Save(string path, string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series,
        (double Low, double High)? yLimits = null, AxisTicks? xTicks = null, IReadOnlyList<ReferenceLine>? references = null, string? pointsLegend = null)
    {
        var plot = new Plot();
        IPalette palette = series.Count > 10 ? new ScottPlot.Palettes.Category20() : new ScottPlot.Palettes.Category10();
        bool anyPoints = false;
        for (int index = 0; index < series.Count; index++)
        {
            var line = series[index];
            var color = palette.GetColor(index);
            var finite = Enumerable.Range(0, line.X.Length).Where(i => double.IsFinite(line.X[i]) && double.IsFinite(line.Y[i])).ToArray();
            var scatter = plot.Add.Scatter(finite.Select(i => line.X[i]).ToArray(), finite.Select(i => line.Y[i]).ToArray(), color);
            scatter.LegendText = line.Label;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            if (line.PointsX is { Length: > 0 } && line.PointsY is not null)
            {
                var markers = plot.Add.Markers(line.PointsX, line.PointsY, MarkerShape.OpenCircle, 5, color.WithAlpha(0.45));
                markers.LegendText = "";
                anyPoints = true;
            }
        }
        foreach (var reference in references ?? [])
        {
            var rule = plot.Add.HorizontalLine(reference.Y, 1.5f, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            rule.LegendText = reference.Label;
        }
        if (anyPoints && pointsLegend is not null)
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = pointsLegend,
                MarkerShape = MarkerShape.OpenCircle,
                MarkerSize = 6,
                MarkerLineColor = Colors.Gray,
                LineWidth = 0,
            });
        if (xTicks is not null) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xTicks.Positions, xTicks.Labels);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        if (yLimits is { } limits) plot.Axes.SetLimitsY(limits.Low, limits.High);
        var bytes = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        AtomicFile.Write(path, temp => File.WriteAllBytes(temp, bytes));
    }

    /// <summary>
    /// Ticks for a log10 axis spanning <paramref name="low"/>..<paramref name="high"/> (log10 values), labelled with
    /// the values themselves: 1, 2, 5 per decade, thinned to 10 per decade only when the span is wide.
    /// </summary>
    public static AxisTicks LogTicks(double low, double high)
    {
        int first = (int)Math.Floor(low), last = (int)Math.Ceiling(high);
        double[] steps = last - first > 4 ? [1] : [1, 2, 5];
        var positions = new List<double>();
        var labels = new List<string>();
        for (int decade = first; decade <= last; decade++)
            foreach (double step in steps)
            {
                double value = step * Math.Pow(10, decade);
                double position = Math.Log10(value);
                if (position < low - 0.05 || position > high + 0.05) continue;
                positions.Add(position);
                labels.Add(value >= 1 ? value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", " ") : value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture));
            }
        return new AxisTicks([.. positions], [.. labels]);
    }
}
