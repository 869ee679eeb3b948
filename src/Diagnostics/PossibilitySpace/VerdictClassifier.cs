using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LogicNets.Diagnostics.PossibilitySpace;

/// <summary>
/// Classifies accuracy-vs-size points (several seeds per size allowed) as jump, sigmoid, flat or inconclusive.
/// Both fits are made in log10(size) on the per-size means, weighted by seed count: a step (two levels split between
/// two neighbouring sizes) and a logistic lo + (hi − lo)·σ((u − c)/w) (least squares: a coarse grid for the start,
/// then Levenberg–Marquardt). R² is measured against the spread of the means, so seed noise inside a size does not count against
/// either fit. A curve whose means move less than <see cref="FlatRange"/> is flat; a step that explains the means
/// (R² ≥ <see cref="StepR2Threshold"/>) is a jump; otherwise, on more sizes than the logistic has parameters (on fewer
/// it fits anything and is no evidence), a logistic that explains them (R² ≥
/// <see cref="LogisticR2Threshold"/>) is a sigmoid when its 10–90% transition is wider than one size interval and a
/// jump when it is narrower (the rise happens between two sizes; one size caught partway up spoils the step fit only).
/// </summary>
public static class VerdictClassifier
{
    public const int MinimumSizes = 4;
    public const double FlatRange = 0.05;
    public const double StepR2Threshold = 0.95;
    public const double LogisticR2Threshold = 0.9;

    /// <summary>lo, hi, centre, width: a logistic is evidence of a shape only on more sizes than this.</summary>
    public const int LogisticParameters = 4;

    /// <param name="points">(size, accuracy) pairs; size must be positive.</param>
    public static CurveVerdict Classify(IEnumerable<(double Size, double Accuracy)> points)
    {
        var valid = points.Where(p => p.Size > 0 && double.IsFinite(p.Accuracy)).ToList();
        var groups = valid.GroupBy(p => p.Size).OrderBy(g => g.Key)
            .Select(g => (U: Math.Log10(g.Key), Size: g.Key, Mean: g.Average(p => p.Accuracy), Count: g.Count())).ToList();
        double min = groups.Count > 0 ? groups.Min(g => g.Mean) : double.NaN;
        double max = groups.Count > 0 ? groups.Max(g => g.Mean) : double.NaN;
        CurveVerdict Verdict(CurveShape shape, string reason, double? jump = null, double? midpoint = null, double? width = null, double? step = null, double? logistic = null) =>
            new(shape, reason, groups.Count, valid.Count, jump, midpoint, width, step, logistic, min, max);

        if (groups.Count < MinimumSizes)
            return Verdict(CurveShape.Inconclusive, $"needs at least {MinimumSizes} sizes with finished runs, has {groups.Count}");
        if (max - min < FlatRange)
            return Verdict(CurveShape.Flat, $"mean accuracy stays within {min:0.###}..{max:0.###} across {groups.Count} sizes");

        double total = groups.Sum(g => g.Count);
        double grand = groups.Sum(g => g.Count * g.Mean) / total;
        double spread = groups.Sum(g => g.Count * (g.Mean - grand) * (g.Mean - grand));
        var (stepError, split) = FitStep(groups);
        var (logisticError, centre, width) = FitLogistic(groups);
        double stepR2 = 1 - stepError / spread;
        double logisticR2 = 1 - logisticError / spread;
        double jumpSize = groups[split].Size;
        double transitionDecades = 2 * Math.Log(9) * width; // 10%→90% of a logistic in u spans 2·ln 9·w
        double meanGap = (groups[^1].U - groups[0].U) / (groups.Count - 1);

        if (stepR2 >= StepR2Threshold)
            return Verdict(CurveShape.Jump, $"a step explains {stepR2:P0} of the spread of means; it rises {(groups[split].Mean - groups[split - 1].Mean):+0.###;-0.###} between sizes {groups[split - 1].Size:G4} and {jumpSize:G4}",
                jumpSize, Math.Pow(10, centre), transitionDecades, stepR2, logisticR2);
        if (groups.Count <= LogisticParameters)
            return Verdict(CurveShape.Inconclusive,
                $"a two-level step explains only {stepR2:P0}, and with {groups.Count} sizes a logistic ({LogisticParameters} parameters) passes through almost any curve " +
                $"(R² {logisticR2:0.##}), so it cannot tell a jump from a sigmoid: measure more sizes",
                null, Math.Pow(10, centre), transitionDecades, stepR2, logisticR2);
        if (logisticR2 >= LogisticR2Threshold && transitionDecades > meanGap)
            return Verdict(CurveShape.Sigmoid, $"a logistic explains {logisticR2:P0} (a step {stepR2:P0}); its 10–90% transition spans {transitionDecades:0.##} decades of size",
                null, Math.Pow(10, centre), transitionDecades, stepR2, logisticR2);
        if (logisticR2 >= LogisticR2Threshold)
        {
            // The rise fits inside one size interval, so it is a jump the sizes cannot resolve: a size that landed
            // partway up keeps a two-level step below its threshold, not a gradual rise.
            double near = Math.Max(transitionDecades / 2, 0.05 * meanGap); // a size this close to the centre is mid-rise
            int below = Math.Max(0, groups.FindLastIndex(g => g.U < centre - near));
            int above = groups.FindIndex(g => g.U > centre + near) is var first && first > below ? first : groups.Count - 1;
            var (from, to) = (groups[below], groups[above]);
            return Verdict(CurveShape.Jump,
                $"a logistic explains {logisticR2:P0} and its 10–90% rise spans {transitionDecades:0.##} decades, less than one size step ({meanGap:0.##}): " +
                $"a jump near size {Math.Pow(10, centre):G4}, from {from.Mean:0.###} at size {from.Size:G4} to {to.Mean:0.###} at size {to.Size:G4} " +
                $"(a two-level step explains only {stepR2:P0}: a size sits partway up, or the levels scatter)",
                groups[Math.Min(below + 1, above)].Size, Math.Pow(10, centre), transitionDecades, stepR2, logisticR2);
        }
        return Verdict(CurveShape.Inconclusive, $"neither fit explains the means well enough (step R² {stepR2:0.##}, logistic R² {logisticR2:0.##})",
            null, Math.Pow(10, centre), transitionDecades, stepR2, logisticR2);
    }

    /// <summary>Best two-level split: returns the weighted squared error and the index of the first size above it.</summary>
    private static (double Error, int Split) FitStep(List<(double U, double Size, double Mean, int Count)> groups)
    {
        double best = double.PositiveInfinity;
        int bestSplit = 1;
        for (int split = 1; split < groups.Count; split++)
        {
            double error = LevelError(groups.Take(split)) + LevelError(groups.Skip(split));
            if (error < best) (best, bestSplit) = (error, split);
        }
        return (best, bestSplit);
    }

    private static double LevelError(IEnumerable<(double U, double Size, double Mean, int Count)> part)
    {
        var list = part.ToList();
        double weight = list.Sum(g => g.Count);
        double level = list.Sum(g => g.Count * g.Mean) / weight;
        return list.Sum(g => g.Count * (g.Mean - level) * (g.Mean - level));
    }

    /// <summary>
    /// Least-squares logistic: a coarse grid over centre and width (lo and hi solved exactly for each) gives the start,
    /// and MathNet's Levenberg–Marquardt refines all four parameters (width as its logarithm, within the grid's
    /// range). The refinement is kept only if it lowers the error, so a start on a flat valley is never made worse.
    /// </summary>
    private static (double Error, double Centre, double Width) FitLogistic(List<(double U, double Size, double Mean, int Count)> groups)
    {
        double low = groups[0].U, high = groups[^1].U, range = Math.Max(high - low, 1e-9);
        double minWidth = 1e-3 * range, maxWidth = 3 * range;
        double bestError = double.PositiveInfinity, bestCentre = low, bestWidth = range;
        for (int c = 0; c <= 24; c++)
        {
            double centre = low - 0.25 * range + 1.5 * range * c / 24;
            for (int w = 0; w <= 10; w++)
            {
                double width = minWidth * Math.Pow(maxWidth / minWidth, w / 10.0);
                double error = LogisticError(groups, centre, width);
                if (error < bestError) (bestError, bestCentre, bestWidth) = (error, centre, width);
            }
        }
        var (refined, centreLm, widthLm) = RefineLogistic(groups, bestCentre, bestWidth, low - 0.25 * range, high + 0.25 * range, minWidth, maxWidth);
        return refined < bestError ? (refined, centreLm, widthLm) : (bestError, bestCentre, bestWidth);
    }

    private static (double Error, double Centre, double Width) RefineLogistic(List<(double U, double Size, double Mean, int Count)> groups,
        double centre, double width, double minCentre, double maxCentre, double minWidth, double maxWidth)
    {
        var u = Vector<double>.Build.DenseOfEnumerable(groups.Select(g => g.U));
        var y = Vector<double>.Build.DenseOfEnumerable(groups.Select(g => g.Mean));
        var weight = Vector<double>.Build.DenseOfEnumerable(groups.Select(g => (double)g.Count));
        // p = (lo, hi, centre, ln width)
        var model = ObjectiveFunction.NonlinearModel(
            (p, x) => x.Map(v => p[0] + (p[1] - p[0]) / (1 + Math.Exp(-(v - p[2]) / Math.Exp(p[3])))), u, y, weight);
        double min = groups.Min(g => g.Mean), max = groups.Max(g => g.Mean), spread = Math.Max(max - min, 1e-9);
        double lo0 = groups[0].Mean, hi0 = groups[^1].Mean;
        var start = Vector<double>.Build.Dense([lo0, hi0, centre, Math.Log(width)]);
        var lower = Vector<double>.Build.Dense([min - spread, min - spread, minCentre, Math.Log(minWidth)]);
        var upper = Vector<double>.Build.Dense([max + spread, max + spread, maxCentre, Math.Log(maxWidth)]);
        for (int i = 0; i < 4; i++) start[i] = Math.Clamp(start[i], lower[i], upper[i]);
        var p = new LevenbergMarquardtMinimizer(maximumIterations: 200).FindMinimum(model, start, lower, upper).MinimizingPoint;
        double fitted = Math.Exp(p[3]);
        return (LogisticError(groups, p[2], fitted), p[2], fitted);
    }

    /// <summary>Weighted least squares of lo, hi for a fixed σ shape; returns the residual error.</summary>
    private static double LogisticError(List<(double U, double Size, double Mean, int Count)> groups, double centre, double width)
    {
        // y ≈ lo·(1 − s) + hi·s: a two-parameter linear regression on s.
        double sw = 0, ss = 0, sy = 0, sss = 0, ssy = 0;
        foreach (var g in groups)
        {
            double s = 1 / (1 + Math.Exp(-(g.U - centre) / width));
            sw += g.Count; ss += g.Count * s; sy += g.Count * g.Mean; sss += g.Count * s * s; ssy += g.Count * s * g.Mean;
        }
        double determinant = sw * sss - ss * ss;
        double intercept, slope;
        if (Math.Abs(determinant) < 1e-12) { intercept = sy / sw; slope = 0; }
        else { slope = (sw * ssy - ss * sy) / determinant; intercept = (sy - slope * ss) / sw; }
        double error = 0;
        foreach (var g in groups)
        {
            double s = 1 / (1 + Math.Exp(-(g.U - centre) / width));
            double residual = g.Mean - (intercept + slope * s);
            error += g.Count * residual * residual;
        }
        return error;
    }
}
