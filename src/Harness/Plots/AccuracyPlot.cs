using LogicNets.Harness.Reports;

namespace LogicNets.Harness.Plots;

/// <summary>
/// Accuracy against model size for one task: per learner a line through the per-size means and its runs (seeds) as
/// faint points, verdicts in the legend, the memorise baseline dashed; x is trainable parameters on a log scale.
/// </summary>
public static class AccuracyPlot
{
    /// <summary>The memorise baseline of a task's scored runs (their median; every run of one split has the same), or null when none records it.</summary>
    public static double? BaselineOf(IEnumerable<Runs.RunRecord> rows)
    {
        var values = rows.Where(row => row.IsScored && row.BaselineAccuracy is not null).Select(row => row.BaselineAccuracy!.Value).Order().ToArray();
        return values.Length == 0 ? null : values[values.Length / 2];
    }

    /// <param name="baseline">Test accuracy of memorising the training rows and guessing the rest (null: not drawn).</param>
    public static void Save(string path, string task, IReadOnlyList<AccuracyCurve> curves, double? baseline = null)
    {
        var series = curves.Select(curve =>
        {
            var sizes = curve.Points.Select(point => point.Size).Distinct().Order().ToArray();
            double[] x = sizes.Select(size => Math.Log10(Math.Max(1, curve.MedianParams(size)))).ToArray();
            double[] y = sizes.Select(size => curve.Points.Where(point => point.Size == size).Average(point => point.Accuracy)).ToArray();
            string jump = curve.Verdict.JumpSize is { } at ? $" at {curve.MedianParams(at):G3} params" : "";
            return new LineSeries($"{curve.Label}: {curve.Verdict.Name}{jump}", x, y,
                curve.Points.Select(point => Math.Log10(Math.Max(1, point.Params))).ToArray(),
                curve.Points.Select(point => point.Accuracy).ToArray());
        }).ToList();
        string metric = curves.Count > 0 ? curves[0].Metric : "accuracy";
        var xs = series.SelectMany(s => s.X.Concat(s.PointsX ?? [])).Where(double.IsFinite).ToArray();
        var ticks = xs.Length > 0 ? LinePlot.LogTicks(xs.Min(), xs.Max()) : null;
        int seeds = curves.Count == 0 ? 0 : curves.Max(curve => curve.Points.GroupBy(point => point.Size).Max(group => group.Count()));
        LinePlot.Save(path, $"{task}: {metric} vs model size", "trainable parameters (log scale)", metric, series, (-0.02, 1.02), ticks,
            baseline is { } b ? [new ReferenceLine($"memorise baseline {b:0.###}", b)] : null,
            seeds > 1 ? "one run (seed); lines join the per-size means" : "one run; lines join the sizes");
    }
}
