using LogicNets.Diagnostics.PossibilitySpace;
using LogicNets.Harness.Runs;

namespace LogicNets.Harness.Reports;

/// <summary>
/// The accuracy-vs-size points of one learner variant on one task — same model and same settings (<see cref="Config"/>) —
/// taken from run rows, with its verdict. <see cref="Label"/> names it in plots and summaries.
/// </summary>
public sealed record AccuracyCurve(string Task, double TrainFraction, double Noise, string Model, string Config, string Label, string Metric,
    IReadOnlyList<AccuracyCurve.Point> Points, CurveVerdict Verdict)
{
    /// <summary>One finished run: its size knob, its parameter count and its score.</summary>
    public sealed record Point(int Size, long Params, int Seed, double Accuracy);

    /// <summary>Curves for every (task, model, config) in the rows. Only scored runs (ok, budget) count; crashes, timeouts and divergences are not results.</summary>
    public static List<AccuracyCurve> FromRuns(IEnumerable<RunRecord> runs)
    {
        var all = runs.ToList();
        var shared = all.GroupBy(run => (run.Task, run.TrainFraction, run.Noise)).ToDictionary(section => section.Key, LearnerVariant.SharedSettings);
        return all.Where(run => run.IsScored)
            .GroupBy(run => (run.Task, run.TrainFraction, run.Noise, run.Model, run.Config))
            .Select(group => (Group: group, Label: LearnerVariant.Label(group.First(), shared[(group.Key.Task, group.Key.TrainFraction, group.Key.Noise)])))
            .OrderBy(entry => entry.Group.Key.Task, StringComparer.Ordinal).ThenBy(entry => entry.Group.Key.TrainFraction).ThenBy(entry => entry.Group.Key.Noise)
            .ThenBy(entry => entry.Label, StringComparer.Ordinal)
            .Select(entry =>
            {
                var group = entry.Group;
                bool bits = group.Any(run => run.TestBitAccuracy is not null);
                var points = group
                    .Select(run => new Point(run.Size, run.Params ?? 0, run.Seed, bits ? run.TestBitAccuracy ?? double.NaN : run.Solved == true ? 1 : 0))
                    .OrderBy(point => point.Size).ThenBy(point => point.Seed).ToList();
                var verdict = VerdictClassifier.Classify(points.Select(point => ((double)point.Size, point.Accuracy)));
                return new AccuracyCurve(group.Key.Task, group.Key.TrainFraction, group.Key.Noise, group.Key.Model, group.Key.Config, entry.Label,
                    bits ? "test_bit_acc" : "solved", points, verdict);
            })
            .ToList();
    }

    /// <summary>Median parameter count of the runs at a size knob value.</summary>
    public double MedianParams(double size)
    {
        var values = Points.Where(point => point.Size == size).Select(point => (double)point.Params).Order().ToArray();
        return values.Length == 0 ? double.NaN : values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }

    public CurveRecord ToRecord() => new()
    {
        Task = Task,
        TrainFraction = TrainFraction,
        Noise = Noise,
        Model = Model,
        Metric = Metric,
        Verdict = Verdict.Name,
        Sizes = Verdict.Sizes,
        Points = Verdict.Points,
        JumpSize = Verdict.JumpSize,
        JumpParams = Verdict.JumpSize is { } jump ? MedianParams(jump) : null,
        MidpointSize = Round(Verdict.MidpointSize),
        WidthDecades = Round(Verdict.WidthDecades),
        StepR2 = Round(Verdict.StepR2),
        LogisticR2 = Round(Verdict.LogisticR2),
        AccuracyMin = Round(Verdict.MinAccuracy),
        AccuracyMax = Round(Verdict.MaxAccuracy),
        Reason = Verdict.Reason,
        Config = Config,
        Label = Label,
    };

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
