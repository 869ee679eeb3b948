using LogicNets.Harness.Reports;

namespace LogicNets.Harness.Plots;

/// <summary>Accuracy against model size for one task: a line of per-size means per learner, seeds as points, verdicts in the legend.</summary>
public static class AccuracyPlot
{
    public static void Save(string path, string task, IReadOnlyList<AccuracyCurve> curves)
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
        LinePlot.Save(path, $"{task}: {metric} vs model size", "log10(trainable parameters)", metric, series, (-0.02, 1.02));
    }
}
