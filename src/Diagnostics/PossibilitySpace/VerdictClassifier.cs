namespace LogicNets.Diagnostics.PossibilitySpace;

/// <summary>
/// Classifies accuracy-vs-size points (several seeds per size allowed) as jump, sigmoid, flat or inconclusive.
/// Both fits are made in log10(size) on the per-size means, weighted by seed count: a step (two levels split between
/// two neighbouring sizes) and a logistic lo + (hi − lo)·σ((u − c)/w) (c and w by grid search, lo and hi by least
/// squares). R² is measured against the spread of the means, so seed noise inside a size does not count against
/// either fit. A curve whose means move less than <see cref="FlatRange"/> is flat; a step that explains the means
/// (R² ≥ <see cref="StepR2Threshold"/>) is a jump; otherwise a logistic that explains them with its 10–90% transition
/// wider than one size interval is a sigmoid.
/// </summary>
public static class VerdictClassifier
{
    public const int MinimumSizes = 4;
    public const double FlatRange = 0.05;
    public const double StepR2Threshold = 0.95;
    public const double LogisticR2Threshold = 0.9;

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
        if (logisticR2 >= LogisticR2Threshold && transitionDecades > meanGap)
            return Verdict(CurveShape.Sigmoid, $"a logistic explains {logisticR2:P0} (a step {stepR2:P0}); its 10–90% transition spans {transitionDecades:0.##} decades of size",
                null, Math.Pow(10, centre), transitionDecades, stepR2, logisticR2);
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

    private static (double Error, double Centre, double Width) FitLogistic(List<(double U, double Size, double Mean, int Count)> groups)
    {
        double low = groups[0].U, high = groups[^1].U, range = Math.Max(high - low, 1e-9);
        double bestError = double.PositiveInfinity, bestCentre = low, bestWidth = range;
        for (int c = 0; c <= 200; c++)
        {
            double centre = low - 0.25 * range + 1.5 * range * c / 200;
            for (int w = 0; w <= 60; w++)
            {
                double width = range * Math.Pow(10, -3 + 3.5 * w / 60); // 1e-3·range … ~3·range
                double error = LogisticError(groups, centre, width);
                if (error < bestError) (bestError, bestCentre, bestWidth) = (error, centre, width);
            }
        }
        return (bestError, bestCentre, bestWidth);
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
