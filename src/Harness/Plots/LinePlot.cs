using LogicNets.Tasks.Files;
using ScottPlot;

namespace LogicNets.Harness.Plots;

/// <summary>One line of a <see cref="LinePlot"/>, with optional scattered raw points (seeds) in the same colour.</summary>
public sealed record LineSeries(string Label, double[] X, double[] Y, double[]? PointsX = null, double[]? PointsY = null);

/// <summary>Headless line charts (ScottPlot, Skia) written atomically as PNG: the pictures every diagnostic leaves.</summary>
public static class LinePlot
{
    public const int Width = 900;
    public const int Height = 560;

    public static void Save(string path, string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series,
        (double Low, double High)? yLimits = null)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
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
                var markers = plot.Add.Markers(line.PointsX, line.PointsY, MarkerShape.OpenCircle, 5, color.WithAlpha(0.6));
                markers.LegendText = "";
            }
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.LowerRight);
        if (yLimits is { } limits) plot.Axes.SetLimitsY(limits.Low, limits.High);
        var bytes = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        AtomicFile.Write(path, temp => File.WriteAllBytes(temp, bytes));
    }
}
